using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using AwaitAnalyzers.Benchmarks;
using AwaitAnalyzers.Benchmarks.Generation;
using AwaitAnalyzers.Benchmarks.Measurement;
using AwaitAnalyzers.Benchmarks.Profiling;
using AwaitAnalyzers.Benchmarks.RealCodeBase;
using AwaitAnalyzers.Benchmarks.Report;

var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

var started = DateTime.UtcNow;
var machine = MachineDescription.Describe();
var loadBefore = MachineDescription.LoadAverage();
Console.WriteLine($"Machine: {machine}; load average {loadBefore}");

if (options.RealBuildTarget is not null || options.EditorTarget is not null)
{
    // Real code bases: real builds with the analyzers injected, and the editor's per-document latency.
    var realReport = new StringBuilder();
    if (options.RealBuildTarget is not null)
    {
        realReport.AppendLine(RealBuildRunner.Run(options, machine));
    }

    if (options.EditorTarget is not null)
    {
        realReport.AppendLine(await EditorLatencyRunner.RunAsync(options, machine));
    }

    Console.WriteLine();
    Console.WriteLine(realReport.ToString());
    if (options.MarkdownPath is { } realPath)
    {
        File.WriteAllText(realPath, realReport.ToString());
    }

    return 0;
}

var references = ReferenceSet.Load();
var own = OwnAnalyzers.Load();
var floor = DriverFloor.Create();
var sets = new[] { floor, own, PeerAnalyzers.AsyncFixer(), PeerAnalyzers.VsThreading() };
foreach (var set in sets)
{
    Console.WriteLine($"{set.Name}: {set.Analyzers.Length} analyzers");
}

var workload = Workload.Parse(CodeBase.Generate(options.Modules, options.Seed), references);
var errors = workload.CompilerErrors();
if (errors.Length > 0)
{
    Console.Error.WriteLine($"The generated code base does not compile ({errors.Length} errors), first: {errors[0]}");
    return 1;
}

if (options.Profile)
{
    await Await001PhaseProfile.RunAsync(warmUpOf(options));
    var real = await CompilationRunner.CompileWithAnalyzersAsync(workload, own, concurrentAnalysis: false);
    Console.WriteLine($"The analyzers themselves on the same code base: {string.Join(", ", real.AnalyzerTimes.Select(kv => $"{kv.Key.Split('.').Last()} {kv.Value.TotalMilliseconds:N0} ms"))} (telemetry).");
    Console.WriteLine(await Await001PhaseProfile.RunAsync(workload));
    return 0;
}

var census = workload.CodeBase.Census;
var description = $"{workload.Trees.Length:N0} files, {workload.AsyncMethods:N0} async methods, {workload.Lines:N0} lines "
                  + $"(seed {options.Seed}, {options.Modules} modules; planted: {census.Count(Expectation.Await001):N0} AWAIT001 sites, "
                  + $"{census.Count(Expectation.Await002):N0} AWAIT002 loops); compiles with 0 errors";
Console.WriteLine($"Code base: {description}");

// Warm-up: JIT every path (compiler, each analyzer set) on a small code base of the same shapes, then one discarded
// round on the real one, so tiered compilation has settled before anything is measured.
var warmUp = warmUpOf(options);
CompilationRunner.Compile(warmUp);
foreach (var set in sets)
{
    await CompilationRunner.CompileWithAnalyzersAsync(warmUp, set, options.Concurrent);
}

CompilationRunner.Compile(workload);
foreach (var set in sets)
{
    await CompilationRunner.CompileWithAnalyzersAsync(workload, set, options.Concurrent);
}

Console.WriteLine($"Warm-up done; measuring {options.Iterations} rounds of {sets.Length + 1} configurations, order rotated each round.");
var baseline = new List<RunResult>();
var runs = sets.ToDictionary(s => s, _ => new List<RunResult>());
for (var round = 0; round < options.Iterations; round++)
{
    for (var slot = 0; slot <= sets.Length; slot++)
    {
        var index = (slot + round) % (sets.Length + 1);
        RunResult result;
        if (index == sets.Length)
        {
            result = CompilationRunner.Compile(workload);
            baseline.Add(result);
        }
        else
        {
            result = await CompilationRunner.CompileWithAnalyzersAsync(workload, sets[index], options.Concurrent);
            runs[sets[index]].Add(result);
        }

        Console.WriteLine($"  round {round + 1}: {result.Configuration,-40} {result.Cost.Wall.TotalMilliseconds,9:N0} ms wall, "
                          + $"{result.AnalyzerTimes.Values.Sum(t => t.TotalMilliseconds),8:N0} ms in analyzers (load {MachineDescription.LoadAverage()})");
    }
}

var fixAll = new List<FixAllResult>();
var fixAllNote = FixAllRunner.Availability();
if (fixAllNote is null && options.FixAllSites.Length > 0)
{
    await FixAllRunner.RunAsync(FixAllWorkload(10), own);
    foreach (var sites in options.FixAllSites)
    {
        var result = await FixAllRunner.RunAsync(FixAllWorkload(sites), own);
        Console.WriteLine($"  Fix All: {result.Sites} sites in {result.Documents} documents: {result.FixAll.TotalMilliseconds:N0} ms");
        fixAll.Add(result);
    }
}

var measured = sets.Select(s => (s, (IReadOnlyList<RunResult>)runs[s])).ToList();
var baseWall = Statistics.Median(baseline, r => r.Cost.Wall.TotalMilliseconds);
var report = new StringBuilder();
report.AppendLine($"Machine: {machine}. Load average {loadBefore} at the start, {MachineDescription.LoadAverage()} at the end.");
report.AppendLine();
report.AppendLine($"Code base: {description}.");
report.AppendLine();
var passed = args.Length == 0 ? string.Empty : " -- " + string.Join(' ', args);
report.AppendLine($"Command: `dotnet run -c Release --project benchmarks/AwaitAnalyzers.Benchmarks{passed}` "
                  + $"({(options.Concurrent ? "concurrent build and analysis" : "one thread for compilation and analysis")}; "
                  + $"median of {options.Iterations} rounds after warm-up; {DateTime.UtcNow - started:mm\\:ss} in all).");
report.AppendLine();
report.Append(ResultTable.AnalyzerCost(baseline, own, measured));
report.AppendLine();
report.AppendLine("Costliest analyzers of each package (telemetry, median):");
report.AppendLine();
report.Append(ResultTable.CostliestAnalyzers(measured, baseWall, 3));
report.AppendLine();
var ownShare = Statistics.Median(runs[own], r => r.AnalyzerTimes.Values.Sum(t => t.TotalMilliseconds)) / baseWall;
report.AppendLine($"Goal: our analyzer time (telemetry) under 15% of the compilation — {ownShare:0.0%}, **{(ownShare < 0.15 ? "met" : "not met")}**.");
report.AppendLine();
if (fixAll.Count > 0)
{
    report.Append(ResultTable.FixAll(fixAll));
}
else
{
    report.AppendLine($"Fix All: not measured ({fixAllNote ?? "--no-fix-all"}).");
}

Console.WriteLine();
Console.WriteLine(report.ToString());
if (options.MarkdownPath is { } path)
{
    File.WriteAllText(path, report.ToString());
}

return 0;

Workload warmUpOf(BenchmarkOptions o) => Workload.Parse(CodeBase.Generate(4, o.Seed + 1), references);

Workload FixAllWorkload(int sites)
{
    var fixAllWorkload = Workload.Parse(CodeBase.GenerateFixAllTarget(sites, options.Seed), references);
    var fixAllErrors = fixAllWorkload.CompilerErrors();
    return fixAllErrors.IsEmpty ? fixAllWorkload : throw new InvalidOperationException($"The Fix All code base does not compile: {fixAllErrors[0]}");
}
