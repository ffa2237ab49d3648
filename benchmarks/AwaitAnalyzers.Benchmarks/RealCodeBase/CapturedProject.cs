using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AwaitAnalyzers.Benchmarks.RealCodeBase;

/// <summary>
/// One project's compilation as its real build made it: the Csc command line the build recorded (sources, references,
/// options, defines, language version, nullable, /nowarn, editorconfigs, additional files) and the files its source
/// generators wrote, read back with Roslyn's own command-line parser and turned into a CSharpCompilation in process.
/// </summary>
internal sealed class CapturedProject
{
    private static readonly ConcurrentDictionary<string, AssemblyMetadata> Metadata = new(StringComparer.Ordinal);

    private CapturedProject(string projectPath, string targetFramework, CSharpCompilation compilation, ImmutableArray<SyntaxTree> documents, ConfigOptions config, ImmutableArray<AdditionalText> additionalFiles)
    {
        ProjectPath = projectPath;
        TargetFramework = targetFramework;
        Compilation = compilation;
        Documents = documents;
        Config = config;
        AdditionalFiles = additionalFiles;
    }

    public string ProjectPath { get; }

    public string TargetFramework { get; }

    public string Name => Path.GetFileNameWithoutExtension(ProjectPath);

    public CSharpCompilation Compilation { get; }

    /// <summary>The documents a user opens: the project's own sources, not what the build or a generator wrote (obj/, bin/, *.g.cs, *.Designer.cs).</summary>
    public ImmutableArray<SyntaxTree> Documents { get; }

    public ConfigOptions Config { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles { get; }

    /// <summary>Each folder of a capture build's output (csc.rsp, project.txt, generated/), one per project and target framework.</summary>
    public static IEnumerable<(string Folder, string Project, string Directory, string TargetFramework)> Find(string captureRoot)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(captureRoot))
        {
            var project = Path.Combine(folder, "project.txt");
            if (!File.Exists(project) || !File.Exists(Path.Combine(folder, "csc.rsp")))
            {
                continue;
            }

            var lines = File.ReadAllLines(project);
            yield return (folder, lines[0], lines.Length > 1 ? lines[1] : Path.GetDirectoryName(lines[0])!, lines.Length > 2 ? lines[2] : string.Empty);
        }
    }

    public static CapturedProject Load(string folder, string project, string directory, string targetFramework)
    {
        var arguments = CSharpCommandLineParser.Default.Parse(new[] { "@" + Path.Combine(folder, "csc.rsp") }, directory, sdkDirectory: null);
        var errors = arguments.Errors.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{project}: the recorded command line does not parse: {errors[0]}");
        }

        var parse = arguments.ParseOptions;
        var sources = arguments.SourceFiles.Select(f => Parse(f.Path, parse)).ToList();
        var generatedRoot = Path.Combine(folder, "generated");
        var generated = System.IO.Directory.Exists(generatedRoot)
            ? System.IO.Directory.EnumerateFiles(generatedRoot, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).Select(p => Parse(p, parse)).ToList()
            : new List<SyntaxTree>();

        var references = arguments.MetadataReferences.Select(r =>
        {
            var path = Path.IsPathRooted(r.Reference) ? r.Reference : Path.GetFullPath(Path.Combine(directory, r.Reference));
            var metadata = Metadata.GetOrAdd(path, AssemblyMetadata.CreateFromFile);
            return (MetadataReference)metadata.GetReference(aliases: r.Properties.Aliases, embedInteropTypes: r.Properties.EmbedInteropTypes, filePath: path);
        }).ToList();

        var config = new ConfigOptions(arguments.AnalyzerConfigPaths);
        var options = arguments.CompilationOptions
            .WithConcurrentBuild(false)
            .WithSyntaxTreeOptionsProvider(config.Trees)
            .WithStrongNameProvider(new DesktopStrongNameProvider(arguments.KeyFileSearchPaths))
            .WithSourceReferenceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
            .WithXmlReferenceResolver(new XmlFileResolver(directory));
        var compilation = CSharpCompilation.Create(arguments.CompilationName ?? Path.GetFileNameWithoutExtension(project), sources.Concat(generated), references, options);

        var obj = Path.Combine(directory, "obj") + Path.DirectorySeparatorChar;
        var bin = Path.Combine(directory, "bin") + Path.DirectorySeparatorChar;
        var documents = sources
            .Where(t => !t.FilePath.StartsWith(obj, StringComparison.Ordinal) && !t.FilePath.StartsWith(bin, StringComparison.Ordinal)
                        && !t.FilePath.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !t.FilePath.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
                        && !t.FilePath.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase))
            .ToImmutableArray();
        var additional = arguments.AdditionalFiles.Where(f => File.Exists(f.Path)).Select(f => (AdditionalText)new Measurement.FileText(f.Path)).ToImmutableArray();
        return new CapturedProject(project, targetFramework, compilation, documents, config, additional);
    }

    /// <summary>A project built for several target frameworks is measured once, for the newest .NET it targets.</summary>
    public static int Preference(string targetFramework)
    {
        var tfm = targetFramework.ToLowerInvariant().Split('-')[0];
        static int Version(string text)
            => System.Version.TryParse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", out var v) ? (v.Major * 10) + Math.Min(v.Minor, 9) : 0;
        return tfm switch
        {
            _ when tfm.StartsWith("netstandard", StringComparison.Ordinal) => 1000 + Version(tfm["netstandard".Length..]),
            _ when tfm.StartsWith("netcoreapp", StringComparison.Ordinal) => 2000 + Version(tfm["netcoreapp".Length..]),
            _ when tfm.StartsWith("net", StringComparison.Ordinal) && tfm.Contains('.', StringComparison.Ordinal) => 3000 + Version(tfm[3..]),
            _ => 0,
        };
    }

    private static SyntaxTree Parse(string path, CSharpParseOptions options)
    {
        using var stream = File.OpenRead(path);
        var text = SourceText.From(stream, Encoding.UTF8, SourceHashAlgorithm.Sha256);
        return CSharpSyntaxTree.ParseText(text, options, path);
    }
}
