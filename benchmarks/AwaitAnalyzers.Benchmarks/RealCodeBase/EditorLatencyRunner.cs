using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.Benchmarks.Measurement;
using AwaitAnalyzers.Benchmarks.Report;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Benchmarks.RealCodeBase;

/// <summary>
/// <c>--editor PATH</c>: what the IDE does for the open document at a pause in typing, for each document of a real code base.
/// One capture build records each project's Csc command line and its generators' output; each project becomes a
/// CSharpCompilation in process. Then, for every document and every analyzer package alone: the document is re-parsed and
/// swapped into the project's compilation (a new compilation, as after an edit: nothing bound yet), and the package's
/// syntax and semantic diagnostics for that one document are computed (<c>GetAnalyzerSyntaxDiagnosticsAsync</c>,
/// <c>GetAnalyzerSemanticDiagnosticsAsync(model, null)</c>, one thread). Timed: the wall time of that, and the analyzers' own
/// time (Roslyn's telemetry, the time inside their callbacks, including the compiler work they ask for).
/// </summary>
internal static class EditorLatencyRunner
{
    public const double GoalP95Milliseconds = 20;

    private const string CompilerRow = "Compiler diagnostics of the document (no analyzers)";

    public static async Task<string> RunAsync(BenchmarkOptions options, string machine)
    {
        var started = DateTime.UtcNow;
        var given = options.EditorTarget!;
        var work = WorkDirectory.Create(options.WorkDirectory, (options.Name ?? Path.GetFileNameWithoutExtension(given)) + "-editor");
        var target = BuildTarget.Prepare(given, work, options.Exclude, options.Copy, options.Name);
        var injection = Injection.Prepare(work, options.AnalyzersDirectory);
        Console.WriteLine($"Work directory: {work.Root}");
        Console.WriteLine($"Target: {target.Description}");

        var projects = Capture(work, target, injection, options);
        if (options.Profile)
        {
            return await Profiling.RealCodeProfile.RunAsync(projects).ConfigureAwait(false);
        }

        var own = options.AnalyzersDirectory is { } folder ? OwnAnalyzers.LoadFrom(folder) : OwnAnalyzers.Load();
        var sets = new[] { DriverFloor.Create(), own, PeerAnalyzers.AsyncFixer(), PeerAnalyzers.VsThreading(), PeerAnalyzers.Meziantou() };
        var root = target.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var documents = projects.SelectMany(p => p.Documents.Select(d => (Project: p, Tree: d)))
            .Where(d => d.Tree.FilePath.StartsWith(root, StringComparison.Ordinal))
            .OrderByDescending(d => d.Tree.Length)
            .ThenBy(d => d.Tree.FilePath, StringComparer.Ordinal)
            .ToList();
        var total = documents.Count;
        if (options.Documents > 0)
        {
            documents = documents.Take(options.Documents).ToList();
        }

        Console.WriteLine($"{projects.Count} projects, {total:N0} documents; measuring {documents.Count:N0} (largest first), {sets.Length} analyzer packages each alone, plus the compiler's own diagnostics.");

        // Warm-up: JIT the compiler and every package on a few documents before anything is measured.
        foreach (var (project, tree) in documents.Take(3))
        {
            foreach (var set in sets)
            {
                await MeasureAsync(project, tree, Reparse(tree), set);
            }

            MeasureCompiler(project, tree, Reparse(tree));
        }

        var samples = sets.Select(s => s.Name).Append(CompilerRow).ToDictionary(n => n, _ => new List<Sample>(), StringComparer.Ordinal);
        var index = 0;
        foreach (var group in documents.GroupBy(d => d.Project))
        {
            // The project's declarations, built once: every edited compilation starts from them, as the IDE's do.
            group.Key.Compilation.GetSymbolsWithName(_ => false).GetEnumerator().MoveNext();
            foreach (var (project, tree) in group)
            {
                var fresh = Reparse(tree);
                var order = Enumerable.Range(0, sets.Length + 1).Select(i => (i + index) % (sets.Length + 1)).ToList();
                foreach (var slot in order)
                {
                    if (slot == sets.Length)
                    {
                        samples[CompilerRow].Add(MeasureCompiler(project, tree, fresh));
                    }
                    else
                    {
                        samples[sets[slot].Name].Add(await MeasureAsync(project, tree, fresh, sets[slot]));
                    }
                }

                index++;
                if (index % 100 == 0)
                {
                    Console.WriteLine($"  {index:N0} of {documents.Count:N0} documents (load {MachineDescription.LoadAverage()})");
                }
            }
        }

        return Report(target, options, machine, started, sets, samples, documents.Count, total, projects);
    }

    internal static List<CapturedProject> Capture(WorkDirectory work, BuildTarget target, Injection injection, BenchmarkOptions options)
    {
        var restore = DotnetCli.Run(
            new[] { "restore", target.Path, "-nodeReuse:false", "-p:TreatWarningsAsErrors=false", "-p:WarningsAsErrors=", $"-p:Configuration={options.BuildConfiguration}" },
            work.Root,
            work.Combine("logs", "restore.txt"));
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"The restore failed (see {work.Combine("logs", "restore.txt")}); leave out the projects that do not restore with --exclude.");
        }

        var capture = work.Folder("capture");
        var arguments = new List<string> { "build", target.Path, "--no-restore", "--no-incremental", "-nodeReuse:false", "-m:1", "-v:q", $"-flp:v=normal;logfile={work.Combine("logs", "capture.log")}" };
        arguments.AddRange(injection.BuildProperties(inject: false, work.Folder("sarif", "capture"), capture, options.SharedCompilation, options.BuildConfiguration));
        var build = DotnetCli.Run(arguments, work.Root, work.Combine("logs", "capture.console.txt"));
        Console.WriteLine($"Capture build: exit {build.ExitCode} in {build.Wall.TotalSeconds:N1} s");

        var projects = new List<CapturedProject>();
        foreach (var group in CapturedProject.Find(capture).GroupBy(c => c.Project, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var chosen = group.OrderByDescending(c => CapturedProject.Preference(c.TargetFramework)).First();
            try
            {
                projects.Add(CapturedProject.Load(chosen.Folder, chosen.Project, chosen.Directory, chosen.TargetFramework));
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                Console.WriteLine($"  skipped {chosen.Project}: {e.Message}");
            }
        }

        if (projects.Count == 0)
        {
            throw new InvalidOperationException($"The capture build recorded no C# compilation (exit {build.ExitCode}; see {work.Combine("logs", "capture.log")}).");
        }

        return projects;
    }

    private static SyntaxTree Reparse(SyntaxTree tree) => CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options, tree.FilePath);

    private static async Task<Sample> MeasureAsync(CapturedProject project, SyntaxTree original, SyntaxTree fresh, AnalyzerSet set)
    {
        var compilation = project.Compilation.ReplaceSyntaxTree(original, fresh);
        var exceptions = 0;
        var analyzerOptions = new AnalyzerOptions(project.AdditionalFiles.AddRange(set.AdditionalFiles), project.Config.Analyzers);
        var withAnalyzers = compilation.WithAnalyzers(
            set.Analyzers,
            new CompilationWithAnalyzersOptions(analyzerOptions, (_, _, _) => Interlocked.Increment(ref exceptions), concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        var watch = Stopwatch.StartNew();
        var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(fresh, CancellationToken.None).ConfigureAwait(false);
        var model = withAnalyzers.Compilation.GetSemanticModel(fresh);
        var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).ConfigureAwait(false);
        watch.Stop();
        var own = TimeSpan.Zero;
        foreach (var analyzer in set.Analyzers)
        {
            own += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime;
        }

        var reported = syntax.Concat(semantic).Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        return new Sample(project, original, watch.Elapsed.TotalMilliseconds, own.TotalMilliseconds, reported.Count, exceptions + reported.Count(d => d.Id == "AD0001"), 0);
    }

    /// <summary>The compiler's own semantic diagnostics of the document in a fresh compilation: binding every body it declares.</summary>
    private static Sample MeasureCompiler(CapturedProject project, SyntaxTree original, SyntaxTree fresh)
    {
        var compilation = project.Compilation.ReplaceSyntaxTree(original, fresh);
        var watch = Stopwatch.StartNew();
        var diagnostics = compilation.GetSemanticModel(fresh).GetDiagnostics();
        watch.Stop();
        return new Sample(project, original, watch.Elapsed.TotalMilliseconds, double.NaN, 0, 0, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
    }

    private static string Report(
        BuildTarget target, BenchmarkOptions options, string machine, DateTime started, AnalyzerSet[] sets, Dictionary<string, List<Sample>> samples,
        int measured, int total, List<CapturedProject> projects)
    {
        var text = new StringBuilder();
        text.AppendLine($"#### {target.Name}: the editor, one document at a time");
        text.AppendLine();
        text.AppendLine($"Machine: {machine}. Load average at the end {MachineDescription.LoadAverage()}. {DateTime.UtcNow:yyyy-MM-dd} (UTC), {DateTime.UtcNow - started:mm\\:ss} in all.");
        text.AppendLine();
        var lines = samples[sets[0].Name].Sum(s => s.Tree.GetText().Lines.Count);
        text.AppendLine($"Target: {target.Description}: {projects.Count} projects; {measured:N0} of its {total:N0} documents measured"
                        + $"{(measured < total ? " (the largest)" : string.Empty)}, {lines:N0} lines.");
        text.AppendLine();
        var passed = new List<string> { "--editor", options.EditorTarget! };
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

        if (options.Documents > 0)
        {
            passed.Add($"--documents {options.Documents}");
        }

        text.AppendLine($"Command: `dotnet run -c Release --project benchmarks/AwaitAnalyzers.Benchmarks -- {string.Join(' ', passed)}` "
                        + "(each document re-parsed and swapped into its project's compilation, then each package alone on it, one thread; Roslyn "
                        + $"{typeof(Compilation).Assembly.GetName().Version} in process).");
        text.AppendLine();

        var errors = samples[CompilerRow].Sum(s => s.Errors);
        var withErrors = samples[CompilerRow].Count(s => s.Errors > 0);
        text.AppendLine($"Compiler errors in the measured documents, as loaded in process: {errors:N0} (in {withErrors:N0} documents).");
        text.AppendLine();
        text.AppendLine("| Per document | Analyzers' own time, p50 / p95 / max (ms) | Latency (wall), p50 / p95 / max (ms) | Latency over the empty analyzer, p50 / p95 (ms) | Diagnostics |");
        text.AppendLine("|---|--:|--:|--:|--:|");
        var floor = samples[sets[0].Name];
        foreach (var set in sets)
        {
            var rows = samples[set.Name];
            var label = set == sets[1] ? $"**{set.Name}**" : set.Name;
            var over = set == sets[0] ? "—" : Percentiles(rows.Zip(floor, (s, f) => s.WallMs - f.WallMs).ToList(), false);
            var crashed = rows.Sum(r => r.Exceptions);
            text.AppendLine($"| {label} | {Percentiles(rows.Select(r => r.OwnMs).ToList(), true)} | {Percentiles(rows.Select(r => r.WallMs).ToList(), true)} | {over} | "
                            + $"{rows.Sum(r => r.Reported):N0}{(crashed > 0 ? $" ({crashed} analyzer exceptions)" : string.Empty)} |");
        }

        text.AppendLine($"| {CompilerRow} | — | {Percentiles(samples[CompilerRow].Select(r => r.WallMs).ToList(), true)} | — | {errors:N0} errors |");
        text.AppendLine();

        var ours = samples[sets[1].Name];
        var root = target.Root;
        text.AppendLine($"Slowest documents for {sets[1].Name} (own time): "
                        + string.Join("; ", ours.OrderByDescending(s => s.OwnMs).Take(3).Select(s =>
                            $"`{Path.GetRelativePath(root, s.Tree.FilePath)}` ({s.Tree.GetText().Lines.Count:N0} lines) {s.OwnMs:N1} ms own, {s.WallMs:N1} ms wall"))
                        + ".");
        text.AppendLine();
        var p95 = Percentile(ours.Select(s => s.OwnMs).ToList(), 0.95);
        text.AppendLine($"Goal: p95 per document under {GoalP95Milliseconds:N0} ms — our analyzers' own time {p95:N1} ms, **{(p95 < GoalP95Milliseconds ? "met" : "not met")}**; "
                        + $"latency (wall) p95 {Percentile(ours.Select(s => s.WallMs).ToList(), 0.95):N1} ms.");
        return text.ToString();
    }

    private static string Percentiles(List<double> values, bool withMax)
    {
        var p50 = Percentile(values, 0.5).ToString("N1", CultureInfo.InvariantCulture);
        var p95 = Percentile(values, 0.95).ToString("N1", CultureInfo.InvariantCulture);
        return withMax ? $"{p50} / {p95} / {values.DefaultIfEmpty(double.NaN).Max().ToString("N1", CultureInfo.InvariantCulture)}" : $"{p50} / {p95}";
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private sealed record Sample(CapturedProject Project, SyntaxTree Tree, double WallMs, double OwnMs, int Reported, int Exceptions, int Errors);
}
