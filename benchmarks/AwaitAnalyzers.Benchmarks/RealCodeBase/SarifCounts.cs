using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace AwaitAnalyzers.Benchmarks.RealCodeBase;

/// <summary>
/// The diagnostics of a build by rule, from the SARIF files (ErrorLog) of its compilations: every result the compiler
/// reported, notes (info) included, those suppressed in source left out. One compilation per project and target framework.
/// </summary>
internal static class SarifCounts
{
    public static Dictionary<string, (int Count, string Level)> Read(string folder)
    {
        var counts = new Dictionary<string, (int Count, string Level)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.sarif"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("runs", out var runs))
            {
                continue;
            }

            foreach (var run in runs.EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results))
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0)
                    {
                        continue;
                    }

                    var rule = result.TryGetProperty("ruleId", out var id) ? id.GetString() ?? "?" : "?";
                    var level = result.TryGetProperty("level", out var l) ? l.GetString() ?? "warning" : "warning";
                    var previous = counts.TryGetValue(rule, out var seen) ? seen : (Count: 0, Level: level);
                    counts[rule] = (previous.Count + 1, Stronger(previous.Level, level));
                }
            }
        }

        return counts;
    }

    /// <summary>The package a rule id belongs to, by its prefix; null for the others (the compiler's, the SDK's own analyzers').</summary>
    public static string? PackageOf(string rule, IReadOnlyList<InjectedPackage> packages)
    {
        string? prefix = rule switch
        {
            _ when rule.StartsWith("AWAIT", StringComparison.Ordinal) => "AwaitAnalyzers",
            _ when rule.StartsWith("AsyncFixer", StringComparison.Ordinal) => "AsyncFixer",
            _ when rule.StartsWith("VSTHRD", StringComparison.Ordinal) => "VS.Threading",
            _ when rule.StartsWith("MA", StringComparison.Ordinal) && rule.Length == 6 && rule[2..].All(char.IsDigit) => "Meziantou",
            _ => null,
        };
        return prefix is null ? null : packages.FirstOrDefault(p => p.Name.StartsWith(prefix, StringComparison.Ordinal))?.Name;
    }

    private static string Stronger(string a, string b)
    {
        static int Rank(string level) => level switch { "error" => 3, "warning" => 2, "note" => 1, _ => 0 };
        return Rank(a) >= Rank(b) ? a : b;
    }
}
