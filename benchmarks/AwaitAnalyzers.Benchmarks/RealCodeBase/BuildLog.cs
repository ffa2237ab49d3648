using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AwaitAnalyzers.Benchmarks.RealCodeBase;

/// <summary>
/// What one build's detailed log says: each compilation's /reportanalyzer summary (seconds per analyzer assembly and per
/// analyzer type, summed over the build's compilations), the Csc task's time (Task Performance Summary), the errors.
/// </summary>
internal sealed class BuildLog
{
    private static readonly Regex TimeLine = new(@"^(?:\d+>)?\s*(?<time><?\d+(?:\.\d+)?)\s+(?<percent><?\d+)\s+(?<name>\S.*?)\s*$", RegexOptions.Compiled);
    private static readonly Regex CscLine = new(@"^(?:\d+>)?\s*(?<ms>\d+) ms\s+Csc\s+(?<calls>\d+) calls", RegexOptions.Compiled);
    private static readonly Regex ErrorsLine = new(@"^\s*(?<count>\d+) Error\(s\)", RegexOptions.Compiled);

    public Dictionary<string, double> AssemblySeconds { get; } = new(StringComparer.Ordinal);

    /// <summary>Per analyzer type, keyed "Assembly|Type (IDS)".</summary>
    public Dictionary<string, double> AnalyzerSeconds { get; } = new(StringComparer.Ordinal);

    public double TotalAnalyzerSeconds { get; private set; }

    public double CscSeconds { get; private set; }

    public int CscCalls { get; private set; }

    /// <summary>Compilations that printed an analyzer summary.</summary>
    public int Compilations { get; private set; }

    public int Errors { get; private set; }

    public List<string> Notes { get; } = new();

    public static BuildLog Parse(string path)
    {
        var log = new BuildLog();
        var inAnalyzers = false;
        string? assembly = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd();
            if (line.Contains("AwaitBench: ", StringComparison.Ordinal) && line.Contains("removed the project's own", StringComparison.Ordinal))
            {
                log.Notes.Add(line[(line.IndexOf("AwaitBench: ", StringComparison.Ordinal) + "AwaitBench: ".Length)..]);
                continue;
            }

            var total = line.IndexOf("Total analyzer execution time:", StringComparison.Ordinal);
            if (total >= 0)
            {
                inAnalyzers = true;
                assembly = null;
                log.Compilations++;
                log.TotalAnalyzerSeconds += Seconds(line[(total + "Total analyzer execution time:".Length)..].Trim().Split(' ')[0]);
                continue;
            }

            if (line.Contains("Total generator execution time:", StringComparison.Ordinal))
            {
                inAnalyzers = false;
                continue;
            }

            if (CscLine.Match(line) is { Success: true } csc)
            {
                log.CscSeconds += double.Parse(csc.Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000;
                log.CscCalls += int.Parse(csc.Groups["calls"].Value, CultureInfo.InvariantCulture);
                continue;
            }

            if (ErrorsLine.Match(line) is { Success: true } errors)
            {
                log.Errors = int.Parse(errors.Groups["count"].Value, CultureInfo.InvariantCulture);
                continue;
            }

            if (!inAnalyzers)
            {
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("Time (s)", StringComparison.Ordinal) || trimmed.StartsWith("NOTE:", StringComparison.Ordinal))
            {
                continue;
            }

            if (TimeLine.Match(line) is not { Success: true } entry)
            {
                inAnalyzers = false;
                continue;
            }

            var name = entry.Groups["name"].Value;
            var seconds = Seconds(entry.Groups["time"].Value);
            var version = name.IndexOf(", Version=", StringComparison.Ordinal);
            if (version >= 0)
            {
                assembly = name[..version];
                log.AssemblySeconds[assembly] = log.AssemblySeconds.GetValueOrDefault(assembly) + seconds;
            }
            else if (assembly is not null)
            {
                var key = assembly + "|" + name;
                log.AnalyzerSeconds[key] = log.AnalyzerSeconds.GetValueOrDefault(key) + seconds;
            }
        }

        return log;
    }

    /// <summary>"0.123", or "&lt;0.001" (counted as zero).</summary>
    private static double Seconds(string text)
        => text.StartsWith('<') ? 0 : double.Parse(text, CultureInfo.InvariantCulture);
}
