using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AwaitAnalyzers.EndToEnd;

/// <summary>
/// One run of scripts/showcase.sh for the whole test collection: it takes a minute or two, and every test reads its artifacts.
/// </summary>
public sealed class ShowcaseRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public ShowcaseRun(IMessageSink messages)
    {
        RepositoryRoot = FindRepositoryRoot();
        SampleDirectory = Path.Combine(RepositoryRoot, "samples", "Showcase");
        Artifacts = Path.Combine(RepositoryRoot, "artifacts", "e2e");
        if (Directory.Exists(Artifacts))
        {
            Directory.Delete(Artifacts, recursive: true);
        }

        Directory.CreateDirectory(Artifacts);
        SampleFingerprintBefore = Fingerprint(SampleDirectory);
        var stopwatch = Stopwatch.StartNew();
        ExitCode = RunScript();
        Duration = stopwatch.Elapsed;
        SampleFingerprintAfter = Fingerprint(SampleDirectory);

        // Shown by `dotnet test` (xunit.runner.json turns diagnostic messages on): the story in one line.
        var timings = ReadValues("timings.txt");
        messages.OnMessage(new DiagnosticMessage(
            "Showcase: scripts/showcase.sh exited {0} after {1:0} s; {2} ms before the fix, {3} ms after ({4}x); compiler {5}",
            ExitCode,
            Duration.TotalSeconds,
            timings.GetValueOrDefault("before_ms", "?"),
            timings.GetValueOrDefault("after_ms", "?"),
            timings.GetValueOrDefault("ratio", "?"),
            ReadValues("environment.txt").GetValueOrDefault("compiler", "?")));
    }

    public string RepositoryRoot { get; }

    public string SampleDirectory { get; }

    public string Artifacts { get; }

    public int ExitCode { get; }

    public TimeSpan Duration { get; }

    public string SampleFingerprintBefore { get; }

    public string SampleFingerprintAfter { get; }

    /// <summary>The script's own console output, for failure messages.</summary>
    public string ConsoleLog => ReadOrEmpty("showcase.out");

    public string PathOf(string artifact) => Path.Combine(Artifacts, artifact);

    public bool Has(string artifact) => File.Exists(PathOf(artifact));

    public string ReadOrEmpty(string artifact) => Has(artifact) ? File.ReadAllText(PathOf(artifact)) : string.Empty;

    /// <summary>The last lines of the script's console output: where it stopped, and why.</summary>
    public string Tail(int lines = 40)
        => string.Join(Environment.NewLine, ConsoleLog.Split('\n').TakeLast(lines));

    /// <summary>key=value lines of a small artifact such as timings.txt.</summary>
    public IReadOnlyDictionary<string, string> ReadValues(string artifact)
        => ReadOrEmpty(artifact)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);

    private int RunScript()
    {
        var script = Path.Combine(RepositoryRoot, "scripts", "showcase.sh");
        var console = PathOf("showcase.out");

        // Output goes to a file, not a pipe: a pipe would keep this test waiting on any process that inherits it.
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", "exec bash \"$0\" \"$1\" > \"$2\" 2>&1 < /dev/null", script, Artifacts, console },
            WorkingDirectory = RepositoryRoot,
            UseShellExecute = false,
        };

        // This test runs inside `dotnet test`: the MSBuild settings it was given must not steer the script's own builds.
        foreach (var name in start.Environment.Keys.Where(IsInheritedBuildSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/showcase.sh did not finish in {Timeout}:{Environment.NewLine}{Tail()}");
        }

        return process.ExitCode;
    }

    private static bool IsInheritedBuildSetting(string name)
        => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
           || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
           || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AwaitAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"AwaitAnalyzers.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>A hash of the tracked sample's sources, to prove the script worked on a copy.</summary>
    private static string Fingerprint(string directory)
    {
        var text = new StringBuilder();
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                     .Select(p => Path.GetRelativePath(directory, p))
                     .Where(p => p.Replace('\\', '/').Split('/')[0] is not ("bin" or "obj"))
                     .OrderBy(p => p, StringComparer.Ordinal))
        {
            text.Append(path).Append('\n').Append(File.ReadAllText(Path.Combine(directory, path))).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
