using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace AwaitAnalyzers.Benchmarks.RealCodeBase;

/// <summary>Runs the dotnet CLI from the work directory (never from the target's tree) and times it.</summary>
internal static class DotnetCli
{
    public static (int ExitCode, TimeSpan Wall) Run(IEnumerable<string> arguments, string workingDirectory, string outputFile)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The terminal logger and the CLI's banners would only add noise to the captured output.
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        using var output = new StreamWriter(outputFile);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.WriteLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.WriteLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        watch.Stop();
        return (process.ExitCode, watch.Elapsed);
    }

    /// <summary>An argument as a POSIX shell needs it in a printed command (single quotes around anything unusual).</summary>
    public static string Quote(string argument)
        => argument.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or ':' or '=')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The version of Roslyn the SDK's csc runs (what NuGet's analyzers/dotnet/roslynX.Y folders are chosen by).</summary>
    public static Version? SdkCompilerVersion(string workingDirectory)
    {
        var version = Capture("--version", workingDirectory)?.Trim();
        var sdks = Capture("--list-sdks", workingDirectory);
        if (version is null || sdks is null)
        {
            return null;
        }

        var line = sdks.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(version + " [", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var folder = line[(line.IndexOf('[', StringComparison.Ordinal) + 1)..].TrimEnd(']');
        var compiler = Path.Combine(folder, version, "Roslyn", "bincore", "Microsoft.CodeAnalysis.dll");
        return File.Exists(compiler) ? AssemblyName.GetAssemblyName(compiler).Version : null;
    }

    public static string? Capture(string argument, string workingDirectory)
    {
        try
        {
            var start = new ProcessStartInfo("dotnet", argument) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start);
            var text = process?.StandardOutput.ReadToEnd();
            process?.WaitForExit();
            return process?.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
