using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Benchmarks.Report;

/// <summary>Where the numbers came from: cores, CPU, memory, OS, SDK, Roslyn, and how busy the machine was.</summary>
internal static class MachineDescription
{
    public static string Describe()
    {
        var cpu = ReadLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadLine("/proc/meminfo", "MemTotal") is { } total
            && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)
            ? $"{kb / 1024.0 / 1024.0:F1} GiB"
            : "unknown";
        var os = ReadLine("/etc/os-release", "PRETTY_NAME")?.Trim('"') ?? RuntimeInformation.OSDescription;
        var roslyn = typeof(Compilation).Assembly.GetName().Version;
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory} RAM, {os}, .NET SDK {SdkVersion()} "
               + $"({RuntimeInformation.FrameworkDescription}), Roslyn {roslyn}";
    }

    /// <summary>The 1-minute load average: on a shared machine, what else competed for the cores.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string? ReadLine(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var separator = line?.IndexOfAny(new[] { ':', '=' }) ?? -1;
        return separator < 0 ? null : line![(separator + 1)..].Trim();
    }

    private static string SdkVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var version = process?.StandardOutput.ReadToEnd().Trim();
            process?.WaitForExit();
            return string.IsNullOrEmpty(version) ? "unknown" : version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
