using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Collections.Generic;
using System.Threading.Tasks;
using AwaitAnalyzers.CodeFixes.Rules;
using AwaitAnalyzers.Rules;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// Code being typed is incomplete: the analyzers and the fixers run on hundreds of broken versions of a realistic file
/// and of a top-level program with comments (cut short at many points, one token missing or written twice) and must never
/// throw — an exception reaches every user as AD0001 or a failed code fix.
/// </summary>
public class RobustnessTests
{
    private const string Source = @"
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

public record User(int Id);
public interface IUsers { Task<User> GetAsync(int id, CancellationToken ct = default); ValueTask<int> CountAsync(); }
public sealed class HttpUsers(System.Net.Http.HttpClient http) : IUsers
{
    public async Task<User> GetAsync(int id, CancellationToken ct = default) => new User((await http.GetStringAsync(""/users/"" + id, ct)).Length);
    public ValueTask<int> CountAsync() => new ValueTask<int>(1);
}
public sealed class Repository(Stream stream) { public Task<int> ReadAsync(int id) => stream.ReadAsync(new byte[id], 0, id); }
public class Service(IUsers users, Repository repository, TextWriter log)
{
    private string _token = """";
    public string Name { get; set; } = """";

    public async Task<int> RunAsync(int[] ids, CancellationToken ct)
    {
        var user = await users.GetAsync(1, ct).ConfigureAwait(false);
        User other = await users.GetAsync(2, ct).ConfigureAwait(false);
        _token = await Task.Run(() => ""t"");
        Name = await Task.Run(() => _token);
        var total = 0;
        foreach (var id in ids)
        {
            var found = await users.GetAsync(id, ct);
            total += found.Id;
        }

        var list = new List<User>();
        foreach (var id in ids)
            list.Add(await users.GetAsync(id, ct));
        for (int i = 0; i < ids.Length; i++)
            await log.WriteLineAsync(ids[i].ToString());
        var reads = await Task.WhenAll(repository.ReadAsync(1), repository.ReadAsync(2));
        var pending = repository.ReadAsync(3);
        var read = await repository.ReadAsync(4);
        await pending;
        await Task.WhenAll(ids.Select(async i => await repository.ReadAsync(i)));
        Func<Task> later = async () => { var a = await users.CountAsync(); var b = await users.CountAsync(); };
        async Task LocalAsync() { await repository.ReadAsync(1); await repository.ReadAsync(2); }
        switch (total)
        {
            case 1:
                var x = await users.CountAsync();
                var y = await users.CountAsync();
                break;
        }

        return user.Id + other.Id + list.Count;
    }
}
";

    /// <summary>A top-level program with comments on every line of its loops and groups (the fixers' trivia paths).</summary>
    private const string TopLevelSource = @"using System;
using System.Collections.Generic;
using System.Threading.Tasks;

var ids = new List<int> { 4, 1, 3, 2 }; // input
foreach (var id in ids) // sizes, in order
{ // open
    var size = await SizeAsync(id); // fetch
    // then print
    Console.WriteLine($""item {id}: {size}"");
} // close
var first = await SizeAsync(1); // one
/* two */ var second = await SizeAsync(2);
Console.WriteLine(first + second);
foreach (var id in ids) /* all */ await SendAsync(id); // sent

static async Task<int> SizeAsync(int id)
{
    await Task.Delay(id);
    return id;
}

static Task SendAsync(int id) => Task.Delay(id); // end";

    [Fact]
    public async Task BrokenSources_NeverThrow_InTheAnalyzersOrTheFixers()
    {
        var references = await References.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var variants = Variants(Source, OutputKind.DynamicallyLinkedLibrary)
            .Concat(Variants(TopLevelSource, OutputKind.ConsoleApplication))
            .ToList();
        Assert.True(variants.Count > 500, "too few variants to mean anything: " + variants.Count);

        var failures = new ConcurrentBag<string>();
        var fixed_ = 0;
        foreach (var (variant, kind) in variants)
        {
            var diagnostics = await AnalyzeAsync(variant, kind, references, failures);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            fixed_ += await FixEachAsync(variant, kind, references, diagnostics, failures);
        }

        Assert.True(failures.IsEmpty, string.Join("\n----\n", failures.Take(3)));
        Assert.True(fixed_ > 100, "too few fixes were tried to mean anything: " + fixed_);
    }

    [Theory]
    [InlineData("foreach foreach (var id in ids) await users.GetAsync(id);")]
    [InlineData("foreach (var id in ids) await await users.GetAsync(id);")]
    [InlineData("var a = await users.GetAsync(1); var var b = await users.GetAsync(2);")]
    [InlineData("var a = await users.GetAsync(1);; var b = await users.GetAsync(2) var c = 1;")]
    public async Task StatementsInAFunctionWithASyntaxError_AreNotReported(string statements)
    {
        var references = await References.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var source = @"
using System.Threading.Tasks;
public class Users { public async Task<int> GetAsync(int id) { await Task.Delay(1); return id; } }
public class Caller
{
    public async Task RunAsync(Users users, int[] ids)
    {
        " + statements + @"
    }
}";
        var failures = new ConcurrentBag<string>();
        var diagnostics = await AnalyzeAsync(source, OutputKind.DynamicallyLinkedLibrary, references, failures);
        Assert.Empty(failures);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("AWAIT", StringComparison.Ordinal));

        // The same statements without the error are reported: the test above is silent for the error alone.
        var repaired = source.Replace("foreach foreach", "foreach").Replace("await await", "await").Replace("var var", "var")
            .Replace(";;", ";").Replace("GetAsync(2) var c = 1;", "GetAsync(2); var c = a + b;");
        var whole = await AnalyzeAsync(repaired, OutputKind.DynamicallyLinkedLibrary, references, failures);
        Assert.Contains(whole, d => d.Id.StartsWith("AWAIT", StringComparison.Ordinal));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, OutputKind kind, ImmutableArray<MetadataReference> references, ConcurrentBag<string> failures)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/Test.cs");
        var compilation = CSharpCompilation.Create("Broken", new[] { tree }, references, new CSharpCompilationOptions(kind));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => failures.Add(analyzer.GetType().Name + ": " + exception + "\n" + source),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new IndependentAwaitsAnalyzer(), new AwaitInLoopAnalyzer(), new ConcurrentResourceAnalyzer());
        return await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Computes and applies every code action offered for each diagnostic; returns how many actions were applied.</summary>
    private static async Task<int> FixEachAsync(string source, OutputKind kind, ImmutableArray<MetadataReference> references, ImmutableArray<Diagnostic> diagnostics, ConcurrentBag<string> failures)
    {
        var applied = 0;
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("Broken", "Broken", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(kind))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .AddMetadataReferences(references);
        var document = project.AddDocument("Test.cs", SourceText.From(source), filePath: "/Test.cs");
        var fixers = new CodeFixProvider[] { new IndependentAwaitsFixer(), new AwaitInLoopFixer(), new ConcurrentResourceFixer() };
        foreach (var diagnostic in diagnostics)
        {
            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                    await fixer.RegisterCodeFixesAsync(context);
                    foreach (var action in actions)
                    {
                        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                        {
                            if (operation is ApplyChangesOperation change)
                            {
                                var changed = change.ChangedSolution.GetDocument(document.Id);
                                _ = changed is null ? null : await changed.GetTextAsync();
                                applied++;
                            }
                        }
                    }
                }
                catch (Exception exception)
                {
                    failures.Add(fixer.GetType().Name + ": " + exception + "\n" + source);
                }
            }
        }

        return applied;
    }

    [Fact]
    public async Task TheUnbrokenSource_IsReported_SoTheVariantsExerciseTheRules()
    {
        var references = await References.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Whole", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new IndependentAwaitsAnalyzer(), new AwaitInLoopAnalyzer(), new ConcurrentResourceAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.IndependentAwaits);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.AwaitInLoop);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.ConcurrentResource);
    }

    /// <summary>The source cut short at many points, and with one token dropped or written twice.</summary>
    private static IEnumerable<(string Source, OutputKind Kind)> Variants(string source, OutputKind kind)
        => Truncations(source, step: 17).Concat(TokenEdits(source, step: 3, duplicate: false)).Concat(TokenEdits(source, step: 3, duplicate: true))
            .Select(variant => (variant, kind));

    private static IEnumerable<string> Truncations(string source, int step)
    {
        for (var length = step; length < source.Length; length += step)
        {
            yield return source.Substring(0, length);
        }
    }

    private static IEnumerable<string> TokenEdits(string source, int step, bool duplicate)
    {
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToList();
        for (var i = 0; i < tokens.Count; i += step)
        {
            var span = tokens[i].Span;
            yield return duplicate
                ? source.Insert(span.End, " " + tokens[i].Text)
                : source.Remove(span.Start, span.Length);
        }
    }
}
