using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AwaitAnalyzers.Benchmarks.Report;

namespace AwaitAnalyzers.Benchmarks.RealCodeBase;

/// <summary>
/// <c>--real-build PATH</c>: one restore, one discarded warm-up build, then N pairs of builds — a reference build (none of the
/// injected packages) and a build with AwaitAnalyzers and the three peers injected — their order alternated each run. Every
/// build is a full compile (<c>--no-incremental</c>), one node, ReportAnalyzer on; its detailed log and SARIF files are read.
/// </summary>
internal static class RealBuildRunner
{
    /// <summary>Shares of the reference compiler time and the ratio to AsyncFixer the goals are stated in.</summary>
    public const double GoalShareOfCompiler = 0.005;

    public const double GoalRatioToAsyncFixer = 0.2;

    public static string Run(BenchmarkOptions options, string machine)
    {
        var started = DateTime.UtcNow;
        var given = options.RealBuildTarget!;
        var work = WorkDirectory.Create(options.WorkDirectory, options.Name ?? Path.GetFileNameWithoutExtension(given));
        var target = BuildTarget.Prepare(given, work, options.Exclude, options.Copy, options.Name);
        var injection = Injection.Prepare(work, options.AnalyzersDirectory);
        Console.WriteLine($"Work directory: {work.Root}");
        Console.WriteLine($"Target: {target.Description}");
        Console.WriteLine($"SDK compiler: Roslyn {injection.Compiler?.ToString() ?? "unknown"}; injected: {string.Join(", ", injection.Packages.Select(p => p.Name))}");

        var restoreLog = work.Combine("logs", "restore.txt");
        var restore = DotnetCli.Run(
            new[] { "restore", target.Path, "-nodeReuse:false", "-p:TreatWarningsAsErrors=false", "-p:WarningsAsErrors=", $"-p:Configuration={options.BuildConfiguration}" },
            work.Root,
            restoreLog);
        Console.WriteLine($"Restore: exit {restore.ExitCode} in {restore.Wall.TotalSeconds:N1} s");
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"The restore failed (see {restoreLog}); leave out the projects that do not restore with --exclude.");
        }

        var warmUp = Build(work, target, injection, options, "warm-up", inject: true);
        Console.WriteLine($"Warm-up (injected, discarded): {warmUp.Wall.TotalSeconds:N1} s wall, exit {warmUp.ExitCode}, {warmUp.Log.Errors} errors, {warmUp.Log.Compilations} compilations");
        foreach (var note in warmUp.Log.Notes.Distinct())
        {
            Console.WriteLine($"  {note}");
        }

        var references = new List<BuildRun>();
        var injected = new List<BuildRun>();
        for (var run = 1; run <= options.Iterations; run++)
        {
            foreach (var inject in run % 2 == 1 ? new[] { false, true } : new[] { true, false })
            {
                var result = Build(work, target, injection, options, $"run{run}-{(inject ? "injected" : "reference")}", inject);
                (inject ? injected : references).Add(result);
                var ours = injection.Packages.Where(p => p.Ours).Sum(p => result.PackageSeconds(p));
                Console.WriteLine($"  run {run}: {(inject ? "injected " : "reference")} {result.Wall.TotalSeconds,7:N1} s wall, Csc {result.Log.CscSeconds,7:N1} s, "
                                  + $"analyzers {result.Log.TotalAnalyzerSeconds,7:N2} s (ours {ours:N2} s), exit {result.ExitCode}, {result.Log.Errors} errors "
                                  + $"(load {MachineDescription.LoadAverage()})");
            }
        }

        var report = Report(target, injection, references, injected, options, machine, started);
        Console.WriteLine($"Logs and SARIF files: {work.Root}");
        return report;
    }

    private static BuildRun Build(WorkDirectory work, BuildTarget target, Injection injection, BenchmarkOptions options, string label, bool inject)
    {
        var sarif = work.Folder("sarif", label);
        var log = work.Combine("logs", label + ".log");
        var arguments = new List<string>
        {
            "build", target.Path, "--no-restore", "--no-incremental", "-nodeReuse:false", "-m:1", "-v:q",
            $"-flp:v=detailed;logfile={log};performancesummary",
        };
        arguments.AddRange(injection.BuildProperties(inject, sarif, null, options.SharedCompilation, options.BuildConfiguration));
        var (exit, wall) = DotnetCli.Run(arguments, work.Root, work.Combine("logs", label + ".console.txt"));
        return new BuildRun(inject, wall, exit, BuildLog.Parse(log), SarifCounts.Read(sarif));
    }

    private static string Report(
        BuildTarget target, Injection injection, List<BuildRun> references, List<BuildRun> injected, BenchmarkOptions options, string machine, DateTime started)
    {
        var text = new StringBuilder();
        var last = injected[^1];
        var compiler = injection.Compiler is { } v ? $"Roslyn {v}" : "the SDK's compiler";
        text.AppendLine($"#### {target.Name}: real builds");
        text.AppendLine();
        text.AppendLine($"Machine: {machine}. Load average at the end {MachineDescription.LoadAverage()}. {DateTime.UtcNow:yyyy-MM-dd} (UTC), {DateTime.UtcNow - started:mm\\:ss} in all.");
        text.AppendLine();
        text.AppendLine($"Target: {target.Description}: {last.Log.Compilations} compilations a build ({compiler}, {options.BuildConfiguration}, "
                        + $"{(options.SharedCompilation ? "compiler server" : "one csc process per project")}).");
        text.AppendLine();
        var passed = new List<string> { "--real-build", options.RealBuildTarget! };
        if (options.Exclude.Length > 0)
        {
            passed.Add("--exclude " + DotnetCli.Quote(string.Join(',', options.Exclude)));
        }

        if (options.Copy)
        {
            passed.Add("--copy");
        }

        if (options.AnalyzersDirectory is { } ownFolder)
        {
            passed.Add("--analyzers " + ownFolder);
        }

        if (options.SharedCompilation)
        {
            passed.Add("--shared-compilation");
        }

        passed.Add($"--runs {options.Iterations}");
        text.AppendLine($"Command: `dotnet run -c Release --project benchmarks/AwaitAnalyzers.Benchmarks -- {string.Join(' ', passed)}` — each build "
                        + "`dotnet build --no-restore --no-incremental -nodeReuse:false -m:1 -p:ReportAnalyzer=true -p:TreatWarningsAsErrors=false`; "
                        + $"one warm-up, then {options.Iterations} reference and {options.Iterations} injected builds, alternated; median (min–max).");
        text.AppendLine();
        var notes = injected.Concat(references).SelectMany(r => r.Log.Notes).Distinct().ToList();
        if (notes.Count > 0)
        {
            text.AppendLine($"The projects' own copies of injected packages were removed from every build (each analyzer runs once; the reference has none): {string.Join("; ", notes)}.");
            text.AppendLine();
        }

        var failed = injected.Concat(references).Where(r => r.ExitCode != 0 || r.Log.Errors > 0).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine($"**{failed.Count} of the builds reported errors** (up to {failed.Max(r => r.Log.Errors)}): the figures cover the compilations that ran.");
            text.AppendLine();
        }

        text.AppendLine("| Build | Wall (s) | Compiler, Csc task (s) | Analyzers, all (s) |");
        text.AppendLine("|---|--:|--:|--:|");
        text.AppendLine($"| Reference (no injected analyzers) | {Spread(references, r => r.Wall.TotalSeconds, "N1")} | {Spread(references, r => r.Log.CscSeconds, "N1")} | {Spread(references, r => r.Log.TotalAnalyzerSeconds, "N2")} |");
        text.AppendLine($"| With the four packages injected | {Spread(injected, r => r.Wall.TotalSeconds, "N1")} | {Spread(injected, r => r.Log.CscSeconds, "N1")} | {Spread(injected, r => r.Log.TotalAnalyzerSeconds, "N2")} |");
        var wallAdded = Pairs(references, injected, (r, i) => (i.Wall.TotalSeconds - r.Wall.TotalSeconds) / r.Wall.TotalSeconds);
        var cscAdded = Pairs(references, injected, (r, i) => (i.Log.CscSeconds - r.Log.CscSeconds) / r.Log.CscSeconds);
        text.AppendLine($"| Injected vs. reference, same run | {SpreadOf(wallAdded, "+0.0%;-0.0%")} | {SpreadOf(cscAdded, "+0.0%;-0.0%")} | |");
        text.AppendLine();

        var asyncFixer = injection.Packages.First(p => p.Name.StartsWith("AsyncFixer", StringComparison.Ordinal));
        text.AppendLine("| Analyzer package (injected build) | Analyzer time (s) | Share of the reference build's compiler time | Share of the same build's compiler time | vs. AsyncFixer, same build |");
        text.AppendLine("|---|--:|--:|--:|--:|");
        foreach (var package in injection.Packages)
        {
            var seconds = injected.Select(r => r.PackageSeconds(package)).ToList();
            var ofReference = Pairs(references, injected, (r, i) => i.PackageSeconds(package) / r.Log.CscSeconds);
            var ofSame = injected.Select(i => i.PackageSeconds(package) / i.Log.CscSeconds).ToList();
            var ratio = injected.Select(i => i.PackageSeconds(package) / i.PackageSeconds(asyncFixer)).ToList();
            var label = package.Ours ? $"**{package.Name}**" : package.Name;
            text.AppendLine($"| {label} | {SpreadOf(seconds, "N2")} | {SpreadOf(ofReference, "0.00%")} | {SpreadOf(ofSame, "0.00%")} | {SpreadOf(ratio, "0.00×")} |");
            if (package.Ours)
            {
                foreach (var analyzer in injected.SelectMany(r => r.Log.AnalyzerSeconds.Keys).Distinct().Where(k => package.AssemblyNames.Contains(k.Split('|')[0])).OrderBy(k => k, StringComparer.Ordinal))
                {
                    var each = injected.Select(r => r.Log.AnalyzerSeconds.GetValueOrDefault(analyzer)).ToList();
                    var ruleShare = Pairs(references, injected, (r, i) => i.Log.AnalyzerSeconds.GetValueOrDefault(analyzer) / r.Log.CscSeconds);
                    text.AppendLine($"| &nbsp;&nbsp;{analyzer.Split('|')[1]} | {SpreadOf(each, "N2")} | {SpreadOf(ruleShare, "0.00%")} | | |");
                }
            }
        }

        var injectedNames = injection.Packages.SelectMany(p => p.AssemblyNames).ToHashSet(StringComparer.Ordinal);
        var others = injected.Concat(references).SelectMany(r => r.Log.AssemblySeconds.Keys).Distinct().Where(a => !injectedNames.Contains(a))
            .Select(a => (Name: a, Median: Statistics.Median(references.Select(r => r.Log.AssemblySeconds.GetValueOrDefault(a)))))
            .OrderByDescending(a => a.Median)
            .Take(3)
            .ToList();
        foreach (var (name, _) in others)
        {
            var ofReference = references.Select(r => r.Log.AssemblySeconds.GetValueOrDefault(name) / r.Log.CscSeconds).ToList();
            text.AppendLine($"| the build's own: {name} (reference build) | {Spread(references, r => r.Log.AssemblySeconds.GetValueOrDefault(name), "N2")} | {SpreadOf(ofReference, "0.00%")} | | |");
        }

        text.AppendLine();
        text.AppendLine(Diagnostics(injection, last, references[^1]));

        var ours = injection.Packages.First(p => p.Ours);
        var share = Statistics.Median(Pairs(references, injected, (r, i) => i.PackageSeconds(ours) / r.Log.CscSeconds));
        var versus = Statistics.Median(injected.Select(i => i.PackageSeconds(ours) / i.PackageSeconds(asyncFixer)));
        text.AppendLine($"Goals: at most {GoalShareOfCompiler:0.0%} of the reference compiler time — {share:0.00%}, **{(share <= GoalShareOfCompiler ? "met" : "not met")}**; "
                        + $"at most {GoalRatioToAsyncFixer:0.00}× AsyncFixer's time in the same build — {versus:0.00}×, **{(versus <= GoalRatioToAsyncFixer ? "met" : "not met")}** (medians).");
        return text.ToString();
    }

    private static string Diagnostics(Injection injection, BuildRun injected, BuildRun reference)
    {
        var text = new StringBuilder();
        text.AppendLine("| Diagnostics (last injected build, SARIF; notes included) | Count | Rules, most reported first |");
        text.AppendLine("|---|--:|---|");
        foreach (var package in injection.Packages)
        {
            var rules = injected.Diagnostics.Where(d => SarifCounts.PackageOf(d.Key, injection.Packages) == package.Name)
                .OrderByDescending(d => d.Value.Count).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
            var shown = string.Join(", ", rules.Take(package.Ours ? 10 : 5).Select(d => $"{d.Key} {d.Value.Count:N0} ({d.Value.Level})"));
            text.AppendLine($"| {(package.Ours ? $"**{package.Name}**" : package.Name)} | {rules.Sum(d => d.Value.Count):N0} | {(rules.Count > 5 && !package.Ours ? shown + $", … ({rules.Count} rules)" : shown)} |");
        }

        var compilerErrors = reference.Diagnostics.Where(d => d.Key.StartsWith("CS", StringComparison.Ordinal) && d.Value.Level == "error").Sum(d => d.Value.Count);
        text.AppendLine($"| Compiler errors (reference build) | {compilerErrors:N0} | |");
        return text.ToString();
    }

    private static List<double> Pairs(List<BuildRun> references, List<BuildRun> injected, Func<BuildRun, BuildRun, double> value)
        => references.Zip(injected, value).ToList();

    private static string Spread(IEnumerable<BuildRun> runs, Func<BuildRun, double> value, string format) => SpreadOf(runs.Select(value).ToList(), format);

    private static string SpreadOf(IReadOnlyList<double> values, string format)
    {
        if (values.Count == 0 || values.All(double.IsNaN))
        {
            return "—";
        }

        var valid = values.Where(v => !double.IsNaN(v) && !double.IsInfinity(v)).ToList();
        if (valid.Count == 0)
        {
            return "—";
        }

        var median = Statistics.Median(valid).ToString(format, CultureInfo.InvariantCulture);
        return valid.Count == 1 ? median : $"{median} ({valid.Min().ToString(format, CultureInfo.InvariantCulture)}–{valid.Max().ToString(format, CultureInfo.InvariantCulture)})";
    }

    private sealed record BuildRun(bool Inject, TimeSpan Wall, int ExitCode, BuildLog Log, Dictionary<string, (int Count, string Level)> Diagnostics)
    {
        public double PackageSeconds(InjectedPackage package) => package.AssemblyNames.Sum(a => Log.AssemblySeconds.GetValueOrDefault(a));
    }
}
