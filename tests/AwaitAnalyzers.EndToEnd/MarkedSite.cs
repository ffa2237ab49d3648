using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AwaitAnalyzers.EndToEnd;

/// <summary>
/// A place where the sample says a diagnostic is expected: a trailing <c>// AWAIT001</c>, <c>// AWAIT002</c> or <c>// AWAIT003</c> comment.
/// AWAIT001 is reported on the group's first <c>await</c> keyword, AWAIT002 on the <c>foreach</c>/<c>for</c> keyword (docs/design.md §2),
/// AWAIT003 on the operation started while another runs: what follows the line's <c>=</c> (and <c>await</c>), or its first
/// non-blank character (docs/design.md §7).
/// </summary>
public sealed record MarkedSite(string File, int Line, int Column, string Id)
{
    private static readonly Regex Marker = new(@"//\s*(?<id>AWAIT\d{3})\b", RegexOptions.Compiled);
    private static readonly Regex LoopKeyword = new(@"\b(foreach|for)\b", RegexOptions.Compiled);
    private static readonly Regex AwaitKeyword = new(@"\bawait\b", RegexOptions.Compiled);
    private static readonly Regex StartedAfter = new(@"[^=!<>]=\s*(await\s+)?", RegexOptions.Compiled);

    public static IReadOnlyList<MarkedSite> FindIn(string projectDirectory)
    {
        var sites = new List<MarkedSite>();
        foreach (var path in SourceFiles(projectDirectory))
        {
            var relative = Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');
            var lines = System.IO.File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = Marker.Match(lines[i]);
                if (!marker.Success)
                {
                    continue;
                }

                var id = marker.Groups["id"].Value;
                var code = lines[i].Substring(0, marker.Index);
                if (id == "AWAIT003")
                {
                    sites.Add(new MarkedSite(relative, i + 1, StartedOperation(code) + 1, id));
                    continue;
                }

                var keyword = (id == "AWAIT002" ? LoopKeyword : AwaitKeyword).Match(code);
                if (!keyword.Success)
                {
                    throw new InvalidOperationException($"{relative}:{i + 1}: the {id} marker is on a line without the keyword the diagnostic is reported on");
                }

                sites.Add(new MarkedSite(relative, i + 1, keyword.Index + 1, id));
            }
        }

        return sites;
    }

    /// <summary>Where the operation of an AWAIT003 line starts: after <c>= </c> and <c>await </c>, or at its first non-blank character.</summary>
    private static int StartedOperation(string code)
    {
        var assigned = StartedAfter.Match(code);
        return assigned.Success ? assigned.Index + assigned.Length : code.Length - code.TrimStart().Length;
    }

    public static IEnumerable<string> SourceFiles(string projectDirectory)
        => Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(Path.GetRelativePath(projectDirectory, p)))
            .OrderBy(p => p, StringComparer.Ordinal);

    public override string ToString() => $"{File}({Line},{Column}): {Id}";

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Replace('\\', '/').Split('/')[0];
        return first is "bin" or "obj";
    }
}
