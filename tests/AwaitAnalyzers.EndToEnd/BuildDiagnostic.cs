using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AwaitAnalyzers.EndToEnd;

/// <summary>One compiler or analyzer diagnostic as MSBuild's console logger prints it: <c>path(line,column): warning ID: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Format = new(
        @"^(?<path>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \[[^\]]*\])?$",
        RegexOptions.Compiled);

    /// <summary>A build-level line without a source position: <c>CSC : warning CS8032: …</c> or <c>MSBUILD : error …</c>.</summary>
    private static readonly Regex Unpositioned = new(
        @"^(?<origin>[^:(]+?) ?: (?<severity>warning|error) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \[[^\]]*\])?$",
        RegexOptions.Compiled);

    /// <summary>Every distinct diagnostic in a build log (the logger repeats each one in its summary), with paths relative to the project.</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string logPath, string projectFolderName)
    {
        var found = new List<BuildDiagnostic>();
        foreach (var line in System.IO.File.ReadLines(logPath).Select(l => l.Trim()))
        {
            var match = Format.Match(line);
            if (match.Success)
            {
                found.Add(new BuildDiagnostic(
                    RelativeTo(match.Groups["path"].Value, projectFolderName),
                    int.Parse(match.Groups["line"].Value),
                    int.Parse(match.Groups["column"].Value),
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value,
                    match.Groups["message"].Value));
                continue;
            }

            match = Unpositioned.Match(line);
            if (match.Success)
            {
                found.Add(new BuildDiagnostic(match.Groups["origin"].Value, 0, 0, match.Groups["severity"].Value, match.Groups["id"].Value, match.Groups["message"].Value));
            }
        }

        return found.Distinct().ToList();
    }

    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";

    private static string RelativeTo(string path, string projectFolderName)
    {
        var normalized = path.Replace('\\', '/');
        var marker = "/" + projectFolderName + "/";
        var index = normalized.LastIndexOf(marker, StringComparison.Ordinal);
        return index < 0 ? normalized : normalized.Substring(index + marker.Length);
    }
}
