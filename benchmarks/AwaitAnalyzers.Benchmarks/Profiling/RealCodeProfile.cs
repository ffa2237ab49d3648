using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.Benchmarks.Measurement;
using AwaitAnalyzers.Benchmarks.RealCodeBase;
using AwaitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Benchmarks.Profiling;

/// <summary>
/// <c>--editor PATH --profile</c>: where our analyzers' time goes on a real code base. Each captured project is analysed whole
/// (one thread), by each of our analyzers alone, twice: the first pass of the run pays the JIT and the per-compilation caches, the
/// second runs warm on a fresh copy of the compilation. AsyncFixer runs the same way as the scale. Both passes are observed
/// step by step (<see cref="AnalysisSteps"/>).
/// </summary>
internal static class RealCodeProfile
{
    public static async Task<string> RunAsync(IReadOnlyList<CapturedProject> projects)
    {
        var own = new DiagnosticAnalyzer[] { new IndependentAwaitsAnalyzer(), new AwaitInLoopAnalyzer(), new ConcurrentResourceAnalyzer() };
        var asyncFixer = PeerAnalyzers.AsyncFixer();
        var rows = own.Select(a => (Name: a.GetType().Name, Set: ImmutableArray.Create(a)))
            .Append((Name: asyncFixer.Name, Set: asyncFixer.Analyzers))
            .ToList();
        var cold = rows.ToDictionary(r => r.Name, _ => TimeSpan.Zero, StringComparer.Ordinal);
        var warm = rows.ToDictionary(r => r.Name, _ => TimeSpan.Zero, StringComparer.Ordinal);
        var firstProject = rows.ToDictionary(r => r.Name, _ => TimeSpan.Zero, StringComparer.Ordinal);
        var coldSteps = new Await001PhaseProfile.StepTotals();
        var warmSteps = new Await001PhaseProfile.StepTotals();
        for (var index = 0; index < projects.Count; index++)
        {
            var project = projects[index];
            foreach (var (name, set) in rows)
            {
                var first = await AnalyseAsync(project, set, coldSteps).ConfigureAwait(false);
                cold[name] += first;
                if (index == 0)
                {
                    firstProject[name] = first;
                }

                warm[name] += await AnalyseAsync(project, set, warmSteps).ConfigureAwait(false);
            }
        }

        var text = new StringBuilder();
        text.AppendLine($"#### Where the time goes: {projects.Count} projects, each analysed whole, one thread");
        text.AppendLine();
        text.AppendLine("| Analyzer | First pass (ms) | of which the first project (ms) | Second pass, warm (ms) |");
        text.AppendLine("|---|--:|--:|--:|");
        foreach (var (name, _) in rows)
        {
            text.AppendLine($"| {name} | {cold[name].TotalMilliseconds:N0} | {firstProject[name].TotalMilliseconds:N0} | {warm[name].TotalMilliseconds:N0} |");
        }

        text.AppendLine();
        text.AppendLine("| Step | Calls | First pass (ms) | Second pass (ms) |");
        text.AppendLine("|---|--:|--:|--:|");
        var second = warmSteps.Steps.ToDictionary(s => s.Name, s => s.Elapsed, StringComparer.Ordinal);
        foreach (var (name, calls, elapsed) in coldSteps.Steps.OrderByDescending(s => s.Elapsed))
        {
            text.AppendLine($"| {name} | {calls:N0} | {elapsed.TotalMilliseconds:N0} | {(second.TryGetValue(name, out var later) ? later.TotalMilliseconds : 0):N0} |");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static async Task<TimeSpan> AnalyseAsync(CapturedProject project, ImmutableArray<DiagnosticAnalyzer> analyzers, IStepObserver? observer)
    {
        // A copy of the compilation, so that nothing bound by an earlier pass is reused.
        var compilation = project.Compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(project.Compilation.SyntaxTrees);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(project.AdditionalFiles, project.Config.Analyzers), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        AnalysisSteps.Observer = observer;
        try
        {
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
            return analyzers.Aggregate(TimeSpan.Zero, (sum, a) => sum + result.AnalyzerTelemetryInfo[a].ExecutionTime);
        }
        finally
        {
            AnalysisSteps.Observer = null;
        }
    }
}
