using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AwaitAnalyzers.Benchmarks.Measurement;

namespace AwaitAnalyzers.Benchmarks.Report;

/// <summary>The Markdown tables: analyzer cost against the compilation, then Fix All scaling.</summary>
internal static class ResultTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string AnalyzerCost(
        IReadOnlyList<RunResult> baseline,
        AnalyzerSet own,
        IReadOnlyList<(AnalyzerSet Set, IReadOnlyList<RunResult> Runs)> sets)
    {
        var baseWall = Statistics.Median(baseline, r => r.Cost.Wall.TotalMilliseconds);
        var baseCpu = Statistics.Median(baseline, r => r.Cost.Cpu.TotalMilliseconds);
        var text = new StringBuilder();
        text.AppendLine("| Configuration | Wall (ms) | Wall vs. compilation | Analyzer time, telemetry (ms) | Telemetry vs. compilation | CPU vs. compilation | Allocated (MB) | Peak GC heap growth (MB) | Reported |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|---|");
        text.AppendLine(Row(
            "Compilation without analyzers (baseline)",
            Ms(baseWall),
            "100%",
            "—",
            "—",
            "100%",
            Mb(Statistics.Median(baseline, r => r.Cost.AllocatedBytes)),
            Mb(Statistics.Median(baseline, r => r.Cost.PeakHeapBytes)),
            $"{baseline[0].CompilerErrors} errors, {Sum(baseline[0].DiagnosticCounts)} warnings"));

        foreach (var (set, runs) in sets)
        {
            var wall = Statistics.Median(runs, r => r.Cost.Wall.TotalMilliseconds);
            var cpu = Statistics.Median(runs, r => r.Cost.Cpu.TotalMilliseconds);
            var telemetry = Statistics.Median(runs, r => r.AnalyzerTimes.Values.Sum(t => t.TotalMilliseconds));
            var reported = set.Analyzers.SelectMany(a => a.SupportedDiagnostics.Select(d => d.Id)).ToHashSet();
            var counts = runs[0].DiagnosticCounts.Where(kv => reported.Contains(kv.Key)).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var exceptions = runs.Max(r => r.AnalyzerExceptions);
            var label = set == own ? $"**{set.Name}** (all rules)" : set.Name;
            text.AppendLine(Row(
                label,
                Ms(wall),
                Delta(wall, baseWall),
                Ms(telemetry),
                Percent(telemetry / baseWall),
                Delta(cpu, baseCpu),
                Mb(Statistics.Median(runs, r => r.Cost.AllocatedBytes)),
                Mb(Statistics.Median(runs, r => r.Cost.PeakHeapBytes)),
                Counts(counts, 6) + (exceptions > 0 ? $"; **{exceptions} analyzer exceptions**" : string.Empty)));

            if (set == own)
            {
                foreach (var analyzer in set.Analyzers)
                {
                    var name = analyzer.GetType().FullName!;
                    var ids = AnalyzerSet.IdsOf(analyzer);
                    var time = Statistics.Median(runs, r => r.AnalyzerTimes[name].TotalMilliseconds);
                    var count = runs[0].DiagnosticCounts.TryGetValue(ids, out var c) ? c : 0;
                    text.AppendLine(Row($"&nbsp;&nbsp;{ids} `{analyzer.GetType().Name}`", "", "", Ms(time), Percent(time / baseWall), "", "", "", $"{count} {ids}"));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Each peer's costliest analyzers: where their time goes.</summary>
    public static string CostliestAnalyzers(IReadOnlyList<(AnalyzerSet Set, IReadOnlyList<RunResult> Runs)> sets, double baseWall, int top)
    {
        var text = new StringBuilder();
        foreach (var (set, runs) in sets)
        {
            var ranked = runs[0].AnalyzerTimes.Keys
                .Select(name => (Name: name, Time: Statistics.Median(runs, r => r.AnalyzerTimes[name].TotalMilliseconds)))
                .OrderByDescending(x => x.Time)
                .Take(top)
                .Select(x => $"{x.Name.Split('.').Last()} {Ms(x.Time)} ms ({Percent(x.Time / baseWall)})");
            text.AppendLine($"- {set.Name}: {string.Join(", ", ranked)}");
        }

        return text.ToString();
    }

    public static string FixAll(IReadOnlyList<FixAllResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| Fix All, project scope (AWAIT001) | Documents | Sites reported | Fix All (ms) | Per site (ms) | AWAIT001 left | Compiler errors after |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|");
        foreach (var result in results)
        {
            text.AppendLine(Row(
                $"{result.Sites.ToString("N0", Invariant)} sites",
                result.Documents.ToString(Invariant),
                result.Reported.ToString(Invariant),
                Ms(result.FixAll.TotalMilliseconds),
                (result.FixAll.TotalMilliseconds / Math.Max(1, result.Reported)).ToString("F2", Invariant),
                result.Left.ToString(Invariant),
                result.ErrorsAfter.ToString(Invariant)));
        }

        if (results.Count >= 2)
        {
            var small = results[0];
            var large = results[^1];
            var ratio = large.FixAll.TotalMilliseconds / small.FixAll.TotalMilliseconds;
            var linear = (double)large.Sites / small.Sites;
            text.AppendLine(Row($"{large.Sites.ToString("N0", Invariant)} / {small.Sites.ToString("N0", Invariant)}", "", "", $"**{ratio.ToString("F1", Invariant)}×** (linear: {linear.ToString("F0", Invariant)}×)", "", "", ""));
        }

        return text.ToString();
    }

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    private static string Ms(double milliseconds) => milliseconds.ToString("N0", Invariant);

    private static string Mb(double bytes) => (bytes / (1024 * 1024)).ToString("N0", Invariant);

    private static string Percent(double ratio) => (ratio * 100).ToString(ratio < 0.1 ? "F2" : "F1", Invariant) + "%";

    private static string Delta(double value, double baseline)
    {
        var ratio = (value - baseline) / baseline;
        return (ratio >= 0 ? "+" : "") + Percent(ratio);
    }

    private static int Sum(IReadOnlyDictionary<string, int> counts) => counts.Values.Sum();

    private static string Counts(IReadOnlyList<KeyValuePair<string, int>> counts, int shown)
    {
        if (counts.Count == 0)
        {
            return "nothing";
        }

        var listed = string.Join(", ", counts.Take(shown).Select(kv => $"{kv.Value} {kv.Key}"));
        return counts.Count > shown ? listed + $", {counts.Skip(shown).Sum(kv => kv.Value)} more" : listed;
    }
}
