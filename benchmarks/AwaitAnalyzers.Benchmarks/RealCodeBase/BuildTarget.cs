using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AwaitAnalyzers.Benchmarks.RealCodeBase;

/// <summary>
/// What gets built: the solution or project given, or a copy of its folder (<c>--copy</c>), or a solution filter written
/// in the work directory that leaves out the projects named by <c>--exclude</c>. Nothing is written into the target's tree.
/// </summary>
internal sealed class BuildTarget
{
    private BuildTarget(string path, string root, string name, string description)
    {
        Path = path;
        Root = root;
        Name = name;
        Description = description;
    }

    /// <summary>The folder of the solution or project: the code base's own documents are under it.</summary>
    public string Root { get; }

    /// <summary>The file given to dotnet restore and dotnet build.</summary>
    public string Path { get; }

    public string Name { get; }

    /// <summary>What was built, for the report.</summary>
    public string Description { get; }

    public static BuildTarget Prepare(string given, WorkDirectory work, IReadOnlyList<string> exclude, bool copy, string? name)
    {
        var full = System.IO.Path.GetFullPath(given);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"No solution or project at {full}.");
        }

        var displayName = name ?? System.IO.Path.GetFileNameWithoutExtension(full);
        var description = full;
        if (copy)
        {
            var source = System.IO.Path.GetDirectoryName(full)!;
            var destination = work.Combine("source", System.IO.Path.GetFileName(source));
            CopyTree(source, destination);
            full = System.IO.Path.Combine(destination, System.IO.Path.GetFileName(full));
            description = $"a copy of {given} in the work directory";
        }

        if (exclude.Count == 0)
        {
            return new BuildTarget(full, System.IO.Path.GetDirectoryName(full)!, displayName, description);
        }

        var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
        if (extension is not (".sln" or ".slnx"))
        {
            throw new ArgumentException("--exclude needs a .sln or .slnx solution.");
        }

        var projects = SolutionProjects(full);
        var kept = projects.Where(p => !exclude.Any(e => p.Contains(e, StringComparison.OrdinalIgnoreCase))).ToList();
        var left = projects.Except(kept).ToList();
        var filter = work.Combine(displayName + ".slnf");
        var json = JsonSerializer.Serialize(new { solution = new { path = full, projects = kept } }, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(filter, json);
        return new BuildTarget(
            filter,
            System.IO.Path.GetDirectoryName(full)!,
            displayName,
            $"{description}, {kept.Count} of its {projects.Count} projects (left out: {string.Join(", ", left.Select(p => System.IO.Path.GetFileNameWithoutExtension(p)))})");
    }

    /// <summary>The C# projects a solution builds, as its file spells their paths (what a solution filter lists).</summary>
    public static List<string> SolutionProjects(string solution)
    {
        if (solution.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
        {
            return XDocument.Load(solution).Descendants("Project")
                .Where(p => !p.Elements("Build").Any(b => string.Equals((string?)b.Attribute("Project"), "false", StringComparison.OrdinalIgnoreCase)))
                .Select(p => (string?)p.Attribute("Path"))
                .OfType<string>()
                .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                .ToList();
        }

        var line = new Regex("""^Project\("\{[^}]+\}"\)\s*=\s*"[^"]*",\s*"(?<path>[^"]+\.csproj)"\s*,""", RegexOptions.Multiline);
        return line.Matches(File.ReadAllText(solution)).Select(m => m.Groups["path"].Value).ToList();
    }

    private static void CopyTree(string source, string destination)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            if (!IsBuildOutput(source, directory))
            {
                Directory.CreateDirectory(System.IO.Path.Combine(destination, System.IO.Path.GetRelativePath(source, directory)));
            }
        }

        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (!IsBuildOutput(source, file))
            {
                File.Copy(file, System.IO.Path.Combine(destination, System.IO.Path.GetRelativePath(source, file)), overwrite: true);
            }
        }
    }

    private static bool IsBuildOutput(string root, string path)
        => System.IO.Path.GetRelativePath(root, path).Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
