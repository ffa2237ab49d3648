using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>Compiles a fresh copy of the workload, with or without a set of analyzers, and measures it.</summary>
internal static class CompilationRunner
{
    public const string Baseline = "Compilation without analyzers";

    /// <summary>The baseline: declaration, binding and flow analysis of every method body (what GetDiagnostics does).</summary>
    public static RunResult Compile(Workload workload)
    {
        var compilation = workload.CreateCompilation();
        using var probe = RunProbe.Start();
        var diagnostics = compilation.GetDiagnostics();
        var cost = probe.Stop();
        return new RunResult(Baseline, cost, ImmutableDictionary<string, System.TimeSpan>.Empty, Count(diagnostics), Errors(diagnostics), 0);
    }

    /// <summary>
    /// The same compilation with the analyzers of <paramref name="set"/>: the driver compiles every method body to raise
    /// its compilation events (as GetDiagnostics does) and runs the analyzers on them, as a build does.
    /// </summary>
    public static async Task<RunResult> CompileWithAnalyzersAsync(Workload workload, AnalyzerSet set, bool concurrentAnalysis)
    {
        var compilation = workload.CreateCompilation();
        var exceptions = 0;
        var options = new CompilationWithAnalyzersOptions(
            set.Options,
            onAnalyzerException: (_, _, _) => Interlocked.Increment(ref exceptions),
            concurrentAnalysis: concurrentAnalysis,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        using var probe = RunProbe.Start();
        var withAnalyzers = compilation.WithAnalyzers(set.Analyzers, options);
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
        var cost = probe.Stop();

        var diagnostics = result.GetAllDiagnostics();
        var times = ImmutableDictionary.CreateBuilder<string, System.TimeSpan>();
        foreach (var analyzer in set.Analyzers)
        {
            times[analyzer.GetType().FullName ?? analyzer.ToString()] = result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var telemetry)
                ? telemetry.ExecutionTime
                : System.TimeSpan.Zero;
        }

        return new RunResult(set.Name, cost, times.ToImmutable(), Count(diagnostics), Errors(diagnostics), exceptions + diagnostics.Count(d => d.Id == "AD0001"));
    }

    private static ImmutableDictionary<string, int> Count(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .GroupBy(d => d.Id)
            .ToImmutableDictionary(g => g.Key, g => g.Count());

    private static int Errors(ImmutableArray<Diagnostic> diagnostics) => diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
}
