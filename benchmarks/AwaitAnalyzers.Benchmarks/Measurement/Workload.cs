using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwaitAnalyzers.Benchmarks.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>A generated code base parsed once; every measurement compiles a fresh copy of the same trees.</summary>
internal sealed class Workload
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    private Workload(CodeBase codeBase, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
    {
        CodeBase = codeBase;
        Trees = trees;
        References = references;
    }

    public CodeBase CodeBase { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public int AsyncMethods => Trees.Sum(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Count(m => m.Modifiers.Any(SyntaxKind.AsyncKeyword)));

    public int Lines => Trees.Sum(t => t.GetText().Lines.Count);

    public static Workload Parse(CodeBase codeBase, ImmutableArray<MetadataReference> references)
    {
        var trees = codeBase.Files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: "/generated/" + f.Path, encoding: System.Text.Encoding.UTF8))
            .ToImmutableArray();
        return new Workload(codeBase, trees, references);
    }

    /// <summary>A compilation with no bound state: nothing is cached from an earlier measurement.</summary>
    public CSharpCompilation CreateCompilation()
        => CSharpCompilation.Create("Contoso.Services", Trees, References, CompilationOptions);

    public ImmutableArray<Diagnostic> CompilerErrors(CancellationToken cancellationToken = default)
        => CreateCompilation().GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
}
