using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>The analyzers of one package, with the additional files its build props would add.</summary>
internal sealed class AnalyzerSet
{
    public AnalyzerSet(string name, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> additionalFiles)
    {
        Name = name;
        Analyzers = analyzers;
        AdditionalFiles = additionalFiles;
    }

    public string Name { get; }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles { get; }

    public AnalyzerOptions Options => new(AdditionalFiles);

    /// <summary>The diagnostic ids the set's analyzers can report, e.g. "AWAIT001".</summary>
    public static string IdsOf(DiagnosticAnalyzer analyzer)
        => string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal));
}

/// <summary>An additional file read from disk (VS.Threading's lists of main-thread members, say).</summary>
internal sealed class FileText : AdditionalText
{
    private readonly SourceText _text;

    public FileText(string path)
    {
        Path = path;
        _text = SourceText.From(File.ReadAllText(path), Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
