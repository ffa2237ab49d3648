using System;
using System.Collections.Immutable;
using System.Linq;
using AwaitAnalyzers.Rules;
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

    /// <summary>The rules of an AwaitAnalyzers.dll built apart (one commit's src/), in a load context of its own folder.</summary>
    public static AnalyzerSet LoadFrom(string folder)
    {
        var version = System.Reflection.AssemblyName.GetAssemblyName(System.IO.Path.Combine(folder, "AwaitAnalyzers.dll")).Version?.ToString(3);
        var analyzers = PeerAnalyzers.Load(folder, "AwaitAnalyzers.dll").OrderBy(AnalyzerSet.IdsOf, StringComparer.Ordinal).ToImmutableArray();
        return new AnalyzerSet($"AwaitAnalyzers {version}", analyzers, ImmutableArray<AdditionalText>.Empty);
    }
}
