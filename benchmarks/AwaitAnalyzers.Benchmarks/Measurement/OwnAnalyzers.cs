using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>Every rule of the AwaitAnalyzers assembly, one DiagnosticAnalyzer type per rule.</summary>
internal static class OwnAnalyzers
{
    public static AnalyzerSet Load()
    {
        var assembly = typeof(IndependentAwaitsAnalyzer).Assembly;
        var analyzers = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .OrderBy(AnalyzerSet.IdsOf, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AnalyzerSet($"AwaitAnalyzers {assembly.GetName().Version?.ToString(3)}", analyzers, ImmutableArray<AdditionalText>.Empty);
    }
}
