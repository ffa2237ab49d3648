using System;
using System.Collections.Immutable;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>One measured compilation: its cost, each analyzer's execution time (Roslyn's telemetry), and what was reported.</summary>
internal sealed record RunResult(
    string Configuration,
    RunCost Cost,
    ImmutableDictionary<string, TimeSpan> AnalyzerTimes,
    ImmutableDictionary<string, int> DiagnosticCounts,
    int CompilerErrors,
    int AnalyzerExceptions);
