using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace AwaitAnalyzers.EndToEnd;

/// <summary>
/// The package as users get it (docs/design.md §6): packed, installed into a copy of samples/Showcase from a local feed, built with
/// the installed SDK's compiler, fixed with <c>dotnet format analyzers</c>, built again, and run before and after.
/// </summary>
[Collection(ShowcaseCollection.Name)]
public sealed class ShowcaseEndToEndTests
{
    /// <summary>The sample's simulated I/O gives about 2.3×; a clear margin below that tolerates a busy machine.</summary>
    private const double RequiredSpeedup = 1.3;

    private const string ProjectFolder = "Showcase";

    /// <summary>The analyzer crashed (AD0001) or the compiler refused to load it (CS8032, CS9057): the rules silently do not run.</summary>
    private static readonly string[] LoadFailureIds = { "AD0001", "CS8032", "CS9057" };

    private static readonly Regex ElapsedLine = new(@"^Elapsed: (?<ms>\d+) ms$", RegexOptions.Multiline);

    private readonly ShowcaseRun _run;
    private readonly ITestOutputHelper _output;

    public ShowcaseEndToEndTests(ShowcaseRun run, ITestOutputHelper output)
    {
        _run = run;
        _output = output;
    }

    [Fact]
    public void Script_RunsToTheEnd()
    {
        _output.WriteLine($"scripts/showcase.sh took {_run.Duration.TotalSeconds:0} s; artifacts in {_run.Artifacts}");
        _output.WriteLine(_run.ReadOrEmpty("environment.txt"));
        Assert.True(_run.ExitCode == 0, $"scripts/showcase.sh exited with {_run.ExitCode}:{Environment.NewLine}{_run.Tail()}");
    }

    [Fact]
    public void TrackedSample_IsNotModified()
        => Assert.Equal(_run.SampleFingerprintBefore, _run.SampleFingerprintAfter);

    [Fact]
    public void Build_ReportsTheMarkedDiagnosticsAndNoOthers()
    {
        var expected = MarkedSite.FindIn(_run.SampleDirectory);
        Assert.Contains(expected, s => s.Id == "AWAIT001");
        Assert.Contains(expected, s => s.Id == "AWAIT002");
        Assert.Contains(expected, s => s.Id == "AWAIT003");

        var reported = AwaitDiagnostics(Diagnostics("build-before.log"))
            .Select(d => new MarkedSite(d.File, d.Line, d.Column, d.Id))
            .ToList();

        var missing = expected.Except(reported).ToList();
        var unexpected = reported.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"Not reported where the sample marks a site:{List(missing)}{Environment.NewLine}Reported where the sample marks none:{List(unexpected)}");
    }

    [Fact]
    public void Builds_LoadTheAnalyzerWithoutFailures()
    {
        var failures = new[] { "build-before.log", "build-after.log", "format.log" }
            .Where(_run.Has)
            .SelectMany(log => File.ReadLines(_run.PathOf(log)).Where(line => LoadFailureIds.Any(id => line.Contains(id, StringComparison.Ordinal))).Select(line => $"{log}: {line}"))
            .ToList();
        Assert.True(failures.Count == 0, $"The analyzer did not load or run cleanly:{List(failures)}");
    }

    [Fact]
    public void BuildBeforeTheFix_HasNoOtherWarningsOrErrors()
    {
        var others = Diagnostics("build-before.log").Where(d => !d.Id.StartsWith("AWAIT", StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, $"The sample is meant to build cleanly apart from the AWAIT sites:{List(others)}");
    }

    [Fact]
    public void Fix_ChangesExactlyTheFilesWithMarkedSites()
    {
        var diff = Read("fix.diff");
        var changed = Regex.Matches(diff, @"^\+\+\+ " + ProjectFolder + @"/(?<file>\S+)", RegexOptions.Multiline)
            .Select(m => m.Groups["file"].Value)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var marked = MarkedSite.FindIn(_run.SampleDirectory).Select(s => s.File).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.True(
            marked.SequenceEqual(changed),
            $"dotnet format changed:{List(changed)}{Environment.NewLine}The files with marked sites:{List(marked)}{Environment.NewLine}{FormatSummary()}");
    }

    [Fact]
    public void Fix_RewritesEverySiteIntoTaskWhenAll()
    {
        var added = AddedLines(Read("fix.diff"));
        var sites = MarkedSite.FindIn(_run.SampleDirectory).Where(s => s.Id != "AWAIT003").ToList();
        var whenAlls = added.Count(l => l.Contains("Task.WhenAll(", StringComparison.Ordinal));
        Assert.True(
            whenAlls == sites.Count,
            $"{sites.Count} marked sites, but the fixes added {whenAlls} Task.WhenAll calls:{List(added)}{Environment.NewLine}{FormatSummary()}");
    }

    /// <summary>AWAIT003 (docs/design.md §7): the task already running is awaited before the next operation starts on the shared connection.</summary>
    [Fact]
    public void Fix_AwaitsTheRunningTaskBeforeTheSharedConnectionServesTheNext()
    {
        var added = AddedLines(Read("fix.diff"));
        var sites = MarkedSite.FindIn(_run.SampleDirectory).Count(s => s.Id == "AWAIT003");
        var awaits = added.Count(l => Regex.IsMatch(l, @"^await [A-Za-z_][A-Za-z0-9_]*;$"));
        Assert.True(awaits == sites, $"{sites} AWAIT003 site(s), but the fixes added {awaits} await of a running task:{List(added)}{Environment.NewLine}{FormatSummary()}");
    }

    [Fact]
    public void Fix_LeavesTheSilentPlacesAlone()
    {
        var silent = MarkedSite.SourceFiles(_run.SampleDirectory)
            .SelectMany(File.ReadLines)
            .Where(l => l.Contains("stays silent", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .ToList();
        Assert.NotEmpty(silent);
        var removed = RemovedLines(Read("fix.diff"));
        var touched = silent.Where(removed.Contains).ToList();
        Assert.True(touched.Count == 0, $"The fixes rewrote places that must stay as they are:{List(touched)}");
    }

    [Fact]
    public void FixedBuild_HasNoAwaitDiagnosticsAndNoErrors()
    {
        var after = Diagnostics("build-after.log");
        var remaining = AwaitDiagnostics(after).Concat(after.Where(d => d.Severity == "error")).ToList();
        Assert.True(remaining.Count == 0, $"After dotnet format:{List(remaining)}{Environment.NewLine}{FormatSummary()}");
        Assert.Equal("0", Read("build-after.exit").Trim());
    }

    [Fact]
    public void FixedBuild_HasNoNewWarnings()
    {
        var warnings = Diagnostics("build-after.log").Where(d => d.Severity == "warning" && !d.Id.StartsWith("AWAIT", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, $"The fixes introduced warnings:{List(warnings)}");
    }

    [Fact]
    public void FixedProgram_PrintsTheSameOutput()
    {
        var before = RunOutputs("before");
        var after = RunOutputs("after");
        foreach (var output in before.Concat(after))
        {
            Assert.Equal(WithoutElapsedOrAudit(before[0]), WithoutElapsedOrAudit(output));
        }

        Assert.Contains("Backlog:", before[0], StringComparison.Ordinal);
    }

    /// <summary>The audit's two queries on the one connection throw before the AWAIT003 fix and succeed after it.</summary>
    [Fact]
    public void FixedProgram_RunsWithoutTheSharedConnectionError()
    {
        foreach (var output in RunOutputs("before"))
        {
            Assert.Contains("Audit failed: A second operation was started on this connection", output, StringComparison.Ordinal);
        }

        foreach (var output in RunOutputs("after"))
        {
            Assert.Contains("Audit: 1 open order(s), 2 unpaid invoice(s)", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Audit failed", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AggregatingLoop_OnlyItsAwaitsOverlap_AndItsLinesKeepTheirOrder()
    {
        var added = AddedLines(Read("fix.diff"));
        Assert.Contains("var stocks = await Task.WhenAll(skus.Select(sku => _inventory.GetStockAsync(sku)));", added);
        Assert.Contains("for (var i = 0; i < skus.Count; i++)", added);

        var lines = WithoutElapsedOrAudit(RunOutputs("after")[0]).Split('\n').Where(l => l.StartsWith("  stock ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { "  stock GEAR-42: 21", "  stock CAM-7: 15", "  stock LEVER-1003: 30", "  stock SPRING-9: 24", "  stock AXLE-88: 21" },
            lines);
    }

    [Fact]
    public void FixedProgram_IsClearlyFaster()
    {
        var before = RunOutputs("before").Min(Elapsed);
        var after = RunOutputs("after").Min(Elapsed);
        var speedup = (double)before / Math.Max(after, 1);
        _output.WriteLine($"Showcase: {before} ms before the fix, {after} ms after: {speedup.ToString("0.00", CultureInfo.InvariantCulture)}x faster");
        Assert.True(
            speedup >= RequiredSpeedup,
            $"The fixed sample took {after} ms against {before} ms before: {speedup:0.00}x, less than the {RequiredSpeedup}x required");
    }

    private IReadOnlyList<BuildDiagnostic> Diagnostics(string log)
    {
        Read(log);
        return BuildDiagnostic.Parse(_run.PathOf(log), ProjectFolder);
    }

    private static List<string> AddedLines(string diff)
        => DiffLines(diff, '+').ToList();

    private static HashSet<string> RemovedLines(string diff)
        => DiffLines(diff, '-').ToHashSet(StringComparer.Ordinal);

    /// <summary>The trimmed lines a unified diff adds ('+') or removes ('-'), without its file headers.</summary>
    private static IEnumerable<string> DiffLines(string diff, char side)
        => diff.Replace("\r\n", "\n").Split('\n')
            .Where(l => l.Length > 0 && l[0] == side && !l.StartsWith("+++ ", StringComparison.Ordinal) && !l.StartsWith("--- ", StringComparison.Ordinal))
            .Select(l => l.Substring(1).Trim());

    private static IEnumerable<BuildDiagnostic> AwaitDiagnostics(IEnumerable<BuildDiagnostic> diagnostics)
        => diagnostics.Where(d => d.Id.StartsWith("AWAIT", StringComparison.Ordinal));

    /// <summary>An artifact's text, or a failure that says where the script stopped.</summary>
    private string Read(string artifact)
    {
        Assert.True(_run.Has(artifact), $"scripts/showcase.sh did not produce {artifact} (exit code {_run.ExitCode}):{Environment.NewLine}{_run.Tail()}");
        return _run.ReadOrEmpty(artifact);
    }

    private IReadOnlyList<string> RunOutputs(string version)
    {
        var runs = int.Parse(_run.ReadValues("timings.txt").GetValueOrDefault("runs", "1"), CultureInfo.InvariantCulture);
        return Enumerable.Range(1, runs).Select(i => Read($"output-{version}.{i}.txt")).ToList();
    }

    private static int Elapsed(string output)
    {
        var match = ElapsedLine.Match(output.Replace("\r\n", "\n"));
        Assert.True(match.Success, $"No elapsed time in:{Environment.NewLine}{output}");
        return int.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The output less its elapsed time and its audit line (which AWAIT003's fix changes from a failure to a result).</summary>
    private static string WithoutElapsedOrAudit(string output)
        => string.Join("\n", output.Replace("\r\n", "\n").Split('\n').Where(l => !ElapsedLine.IsMatch(l) && !l.StartsWith("Audit", StringComparison.Ordinal)));

    /// <summary>What dotnet format said about the fixes it could not apply.</summary>
    private string FormatSummary()
    {
        var notes = _run.ReadOrEmpty("format.log").Split('\n').Where(l => l.Contains("Unable to fix", StringComparison.Ordinal) || l.Contains("error", StringComparison.OrdinalIgnoreCase));
        return "dotnet format:" + List(notes);
    }

    private static string List<T>(IEnumerable<T> items)
    {
        var lines = items.Select(i => "  " + i).ToList();
        return lines.Count == 0 ? " (none)" : Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
