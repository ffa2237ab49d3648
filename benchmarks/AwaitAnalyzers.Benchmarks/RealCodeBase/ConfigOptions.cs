using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AwaitAnalyzers.Benchmarks.RealCodeBase;

/// <summary>
/// A project's .editorconfig and .globalconfig files (the /analyzerconfig of its Csc command line) as the compiler applies
/// them: severities per tree and globally (SyntaxTreeOptionsProvider), and the options analyzers read (AnalyzerConfigOptionsProvider).
/// Looked up by file path, so a tree re-parsed for an edit keeps its options.
/// </summary>
internal sealed class ConfigOptions
{
    private readonly AnalyzerConfigSet _set;
    private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> _byPath = new(StringComparer.Ordinal);

    public ConfigOptions(IEnumerable<string> configPaths)
    {
        var configs = configPaths
            .Where(File.Exists)
            .Select(p => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(p)), p))
            .ToList();
        _set = AnalyzerConfigSet.Create(configs, out _);
        Trees = new TreeOptions(this);
        Analyzers = new AnalyzerOptionsProvider(this);
    }

    public SyntaxTreeOptionsProvider Trees { get; }

    public AnalyzerConfigOptionsProvider Analyzers { get; }

    private AnalyzerConfigOptionsResult Global => _set.GlobalConfigOptions;

    private AnalyzerConfigOptionsResult For(string path) => _byPath.GetOrAdd(path, p => _set.GetOptionsForSourcePath(p));

    private sealed class TreeOptions : SyntaxTreeOptionsProvider
    {
        private readonly ConfigOptions _owner;

        public TreeOptions(ConfigOptions owner)
        {
            _owner = owner;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
            => _owner.For(tree.FilePath).AnalyzerOptions.TryGetValue("generated_code", out var value) && bool.TryParse(value, out var generated)
                ? generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated
                : GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _owner.For(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _owner.Global.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class AnalyzerOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly ConfigOptions _owner;

        public AnalyzerOptionsProvider(ConfigOptions owner)
        {
            _owner = owner;
            GlobalOptions = new DictionaryOptions(owner.Global.AnalyzerOptions);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(_owner.For(tree.FilePath).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new DictionaryOptions(_owner.For(textFile.Path).AnalyzerOptions);
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values)
        {
            _values = values;
        }

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
