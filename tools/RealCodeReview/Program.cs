using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

// Compiles the non-test projects of a repository in memory and runs AwaitAnalyzers over them (docs/real-code-review.md).
// usage: dotnet run --project tools/RealCodeReview -- <repository> <AwaitAnalyzers.dll> <out.tsv> [reference folders...]
// Each line of out.tsv: rule, "clean" or "errors:N" (compiler errors in the member the diagnostic sits in), project,
// file:line, the lines of the other locations, message. SHOW_ERRORS=1 prints each project's most frequent errors.
var repo = Path.GetFullPath(args[0]);
var analyzerDll = Path.GetFullPath(args[1]);
var outPath = args[2];
var refDirs = args.Skip(3).ToArray();
var showErrors = Environment.GetEnvironmentVariable("SHOW_ERRORS") == "1";

var asm = Assembly.LoadFrom(analyzerDll);
var analyzers = asm.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
Console.Error.WriteLine($"{analyzers.Length} analyzers");

var refs = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
void AddDir(string dir)
{
    if (!Directory.Exists(dir)) return;
    foreach (var f in Directory.EnumerateFiles(dir, "*.dll", SearchOption.AllDirectories))
    {
        var n = Path.GetFileNameWithoutExtension(f);
        if (refs.ContainsKey(n)) continue;
        try { refs[n] = MetadataReference.CreateFromFile(f); } catch { }
    }
}
foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
{
    // The reference packs of the SDK this tool runs on: <dotnet root>/packs, beside shared/Microsoft.NETCore.App/<version>.
    var dotnetRoot = Environment.GetEnvironmentVariable("DOTNET_ROOT")
        ?? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
    var root = Path.Combine(dotnetRoot, "packs", pack);
    if (!Directory.Exists(root)) { Console.Error.WriteLine($"no reference pack at {root}"); continue; }
    var ver = Directory.GetDirectories(root).OrderBy(d => d).Last();
    AddDir(Path.Combine(ver, "ref", "net10.0"));
}
foreach (var d in refDirs) AddDir(d);

static bool IsTestish(string path)
{
    var n = Path.GetFileNameWithoutExtension(path);
    return Regex.IsMatch(n, @"(^|[.\-_])(Tests?|Tests\.\w+|UnitTests?|IntegrationTests?|FunctionalTests?|Specs?|Benchmarks?|TestUtilities|Testing|Test\w*)$", RegexOptions.IgnoreCase)
        || Regex.IsMatch(path, @"[\\/](tests?|benchmarks?)[\\/]", RegexOptions.IgnoreCase);
}

var projects = Directory.EnumerateFiles(repo, "*.csproj", SearchOption.AllDirectories)
    .Where(p => !p.Contains("/obj/") && !p.Contains("/bin/")).Select(Path.GetFullPath).ToList();
var projectDirs = projects.Select(p => Path.GetDirectoryName(p)!).ToHashSet();
var compiled = new Dictionary<string, CSharpCompilation?>();
var inProgress = new HashSet<string>();
var output = new List<string>();

XElement? Load(string p) { try { return XDocument.Load(p).Root; } catch { return null; } }
IEnumerable<XElement> Props(string csproj)
{
    var list = new List<XElement>();
    var dir = Path.GetDirectoryName(csproj);
    while (dir != null && dir.StartsWith(repo))
    {
        var dbp = Path.Combine(dir, "Directory.Build.props");
        if (File.Exists(dbp) && Load(dbp) is { } x) list.Add(x);
        dir = Path.GetDirectoryName(dir);
    }
    list.Reverse();
    return list;
}
static IEnumerable<XElement> Els(XElement root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

CSharpCompilation? Compile(string csproj)
{
    if (compiled.TryGetValue(csproj, out var c)) return c;
    if (!inProgress.Add(csproj)) return null;
    var root = Load(csproj);
    if (root == null) { compiled[csproj] = null; return null; }
    var all = Props(csproj).Append(root).ToList();
    string? Prop(string name) => all.SelectMany(r => Els(r, name)).Select(e => e.Value.Trim()).LastOrDefault();
    var dir = Path.GetDirectoryName(csproj)!;
    var sdk = (string?)root.Attribute("Sdk") ?? "";
    var implicitUsings = (Prop("ImplicitUsings") ?? "").ToLowerInvariant() is "enable" or "true";
    var asmName = Prop("AssemblyName") ?? Path.GetFileNameWithoutExtension(csproj);
    if (asmName.Contains("$(")) asmName = Path.GetFileNameWithoutExtension(csproj);

    // sources
    var files = new List<string>();
    void Collect(string d)
    {
        foreach (var f in Directory.EnumerateFiles(d, "*.cs")) files.Add(f);
        foreach (var s in Directory.EnumerateDirectories(d))
        {
            var n = Path.GetFileName(s);
            if (n is "bin" or "obj" || n.StartsWith('.')) continue;
            if (projectDirs.Contains(s)) continue;
            Collect(s);
        }
    }
    if ((Prop("EnableDefaultCompileItems") ?? "true").ToLowerInvariant() != "false") Collect(dir);
    var removes = Els(root, "Compile").Select(e => (string?)e.Attribute("Remove")).Where(r => r != null).ToList();
    foreach (var inc in Els(root, "Compile").Select(e => (string?)e.Attribute("Include")).Where(i => i != null))
    {
        foreach (var part in inc!.Split(';'))
        {
            var p = part.Replace('\\', '/');
            if (p.Contains("$(")) continue;
            if (p.Contains('*'))
            {
                var baseDir = Path.GetFullPath(Path.Combine(dir, p[..p.IndexOf('*')]));
                if (Directory.Exists(baseDir)) files.AddRange(Directory.EnumerateFiles(baseDir, "*.cs", p.Contains("**") ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly));
            }
            else { var f = Path.GetFullPath(Path.Combine(dir, p)); if (File.Exists(f)) files.Add(f); }
        }
    }
    foreach (var r in removes)
        foreach (var part in r!.Split(';'))
        {
            var p = part.Replace('\\', '/');
            var prefix = Path.GetFullPath(Path.Combine(dir, p.Contains('*') ? p[..p.IndexOf('*')] : p));
            files.RemoveAll(f => f.StartsWith(prefix));
        }
    files = files.Distinct().Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")).ToList();

    var defines = new List<string> { "NET", "NETCOREAPP", "NET10_0", "RELEASE", "TRACE" };
    for (var v = 5; v <= 10; v++) defines.Add($"NET{v}_0_OR_GREATER");
    defines.AddRange(new[] { "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER", "NETSTANDARD2_1_OR_GREATER", "NETSTANDARD2_0_OR_GREATER" });
    foreach (var dc in all.SelectMany(r => Els(r, "DefineConstants")))
        defines.AddRange(dc.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => !s.Contains("$(")));
    var parse = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: defines);

    var trees = new List<SyntaxTree>();
    foreach (var f in files)
    {
        try { trees.Add(CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(f), System.Text.Encoding.UTF8), parse, f)); } catch { }
    }
    var usings = new List<string>();
    if (implicitUsings)
    {
        usings.AddRange(new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" });
        if (sdk.Contains("Web")) usings.AddRange(new[] { "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging" });
        if (sdk.Contains("Worker")) usings.AddRange(new[] { "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging" });
    }
    var usingLines = usings.Select(u => $"global using global::{u};").ToList();
    foreach (var u in all.SelectMany(r => Els(r, "Using")))
    {
        var inc = (string?)u.Attribute("Include"); var rem = (string?)u.Attribute("Remove");
        if (rem != null) { usingLines.RemoveAll(l => l == $"global using global::{rem};"); continue; }
        if (inc == null) continue;
        var alias = (string?)u.Attribute("Alias");
        var stat = ((string?)u.Attribute("Static") ?? "").ToLowerInvariant() == "true";
        usingLines.Add(alias != null ? $"global using {alias} = global::{inc};" : stat ? $"global using static global::{inc};" : $"global using global::{inc};");
    }
    if (usingLines.Count > 0) trees.Add(CSharpSyntaxTree.ParseText(string.Join("\n", usingLines.Distinct()), parse, Path.Combine(dir, "obj", "GlobalUsings.g.cs")));

    var references = refs.Values.ToList();
    foreach (var pr in Els(root, "ProjectReference").Select(e => (string?)e.Attribute("Include")).Where(i => i != null))
    {
        var path = Path.GetFullPath(Path.Combine(dir, pr!.Replace('\\', '/')));
        if (!File.Exists(path)) continue;
        var rc = Compile(path);
        if (rc != null) references.Add(rc.ToMetadataReference());
    }
    var nullable = (Prop("Nullable") ?? "").ToLowerInvariant() switch { "enable" => NullableContextOptions.Enable, "warnings" => NullableContextOptions.Warnings, "annotations" => NullableContextOptions.Annotations, _ => NullableContextOptions.Disable };
    var comp = CSharpCompilation.Create(asmName, trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: nullable, concurrentBuild: false));
    compiled[csproj] = comp;
    return comp;
}

string Rel(string p) => p.StartsWith(repo) ? p[(repo.Length + 1)..] : p;

foreach (var proj in projects.OrderBy(p => p))
{
    if (IsTestish(proj)) continue;
    CSharpCompilation? comp;
    try { comp = Compile(proj); } catch (Exception e) { Console.Error.WriteLine($"{Rel(proj)}: compile failed {e.Message}"); continue; }
    if (comp == null || comp.SyntaxTrees.Count() <= 1) continue;
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var cwa = comp.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (ex, a, d) => Console.Error.WriteLine($"ANALYZER EXCEPTION {a}: {ex}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
    var diags = cwa.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    var errors = comp.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    Console.Error.WriteLine($"{Rel(proj)}: {comp.SyntaxTrees.Count()} files, {errors.Count} errors, {diags.Length} diagnostics, {sw.Elapsed.TotalSeconds:F1}s");
    if (showErrors)
        foreach (var g in errors.GroupBy(e => e.Id + " " + e.GetMessage()).OrderByDescending(g => g.Count()).Take(8))
            Console.Error.WriteLine($"    {g.Count()} {g.Key}");
    var errorsByTree = errors.Where(e => e.Location.SourceTree != null).ToLookup(e => e.Location.SourceTree!);
    foreach (var d in diags.Where(d => d.Id.StartsWith("AWAIT")))
    {
        var tree = d.Location.SourceTree!;
        var node = tree.GetRoot().FindNode(d.Location.SourceSpan);
        var member = node.AncestorsAndSelf().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or AnonymousFunctionExpressionSyntax && n.Parent is ArgumentSyntax == false)
            ?? node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault() ?? node;
        var outer = member.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault() ?? member;
        var n = errorsByTree[tree].Count(e => e.Location.SourceSpan.IntersectsWith(outer.Span));
        var line = d.Location.GetLineSpan().StartLinePosition.Line + 1;
        var extra = string.Join(",", d.AdditionalLocations.Select(l => l.GetLineSpan().StartLinePosition.Line + 1));
        output.Add($"{d.Id}\t{(n == 0 ? "clean" : "errors:" + n)}\t{Path.GetFileNameWithoutExtension(proj)}\t{Rel(tree.FilePath)}:{line}\t{extra}\t{d.GetMessage().Replace('\t', ' ').Replace('\n', ' ')}");
    }
}
File.WriteAllLines(outPath, output);
Console.Error.WriteLine($"{output.Count} diagnostics -> {outPath}");
