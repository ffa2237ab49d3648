using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.Benchmarks.Measurement;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Benchmarks.Profiling;

/// <summary>
/// Where the rules' time goes: the real <see cref="IndependentAwaitsAnalyzer"/> and <see cref="AwaitInLoopAnalyzer"/> run under
/// CompilationWithAnalyzers on one thread, with an observer on their steps (<see cref="AnalysisSteps"/>) adding up each one.
/// </summary>
internal static class Await001PhaseProfile
{
    public static async Task<string> RunAsync(Workload workload)
    {
        var compilation = workload.CreateCompilation();
        var observer = new StepTotals();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new IndependentAwaitsAnalyzer(), new AwaitInLoopAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        AnalysisResult result;
        AnalysisSteps.Observer = observer;
        try
        {
            // The per-compilation cache the analyzers read at compilation start: timed here, then served to them.
            observer.Started("0 compilation start: IndependenceModels.For");
            IndependenceModels.For(compilation);
            observer.Stopped("0 compilation start: IndependenceModels.For");

            result = await compilation
                .WithAnalyzers(analyzers, options)
                .GetAnalysisResultAsync(CancellationToken.None)
                .ConfigureAwait(false);
        }
        finally
        {
            AnalysisSteps.Observer = null;
        }

        var total = analyzers.Sum(a => result.AnalyzerTelemetryInfo[a].ExecutionTime.TotalMilliseconds);
        var text = new StringBuilder();
        text.AppendLine($"AWAIT001 and AWAIT002 under CompilationWithAnalyzers: {total:N0} ms in the analyzers (telemetry), steps timed by an observer.");
        text.AppendLine();
        text.AppendLine("| AWAIT001 step | Calls | Time (ms) |");
        text.AppendLine("|---|--:|--:|");
        foreach (var (name, calls, elapsed) in observer.Steps)
        {
            text.AppendLine($"| {name} | {calls:N0} | {elapsed.TotalMilliseconds:N0} |");
        }

        return text.ToString();
    }

    /// <summary>
    /// Adds up each step's calls and time, listed in the order they first ran. The analysis runs on one thread (concurrentAnalysis: false); a step that runs inside
    /// itself (the analysis of an enclosing loop) is timed once, at its outermost call.
    /// </summary>
    internal sealed class StepTotals : IStepObserver
    {
        private readonly Dictionary<string, (long Calls, long Ticks)> _totals = new(StringComparer.Ordinal);
        private readonly Stack<(string Step, long Start)> _open = new();
        private readonly List<string> _order = new();

        public IEnumerable<(string Name, long Calls, TimeSpan Elapsed)> Steps
            => _order.Select(name => (name, _totals[name].Calls, TimeSpan.FromSeconds(_totals[name].Ticks / (double)Stopwatch.Frequency)));

        public void Started(string step) => _open.Push((step, Stopwatch.GetTimestamp()));

        public void Stopped(string step)
        {
            var (name, start) = _open.Pop();
            var elapsed = _open.Any(o => o.Step == name) ? 0 : Stopwatch.GetTimestamp() - start;
            if (!_totals.TryGetValue(name, out var total))
            {
                _order.Add(name);
            }

            _totals[name] = (total.Calls + 1, total.Ticks + elapsed);
        }
    }
}
