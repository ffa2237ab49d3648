using System;
using System.Globalization;
using System.IO;

namespace AwaitAnalyzers.Benchmarks.RealCodeBase;

/// <summary>Where a real-build or editor run keeps what it writes: the injected targets, the staged analyzers, logs, SARIF files, captures.</summary>
internal sealed class WorkDirectory
{
    private WorkDirectory(string root)
    {
        Root = root;
        Directory.CreateDirectory(root);
    }

    public string Root { get; }

    public static WorkDirectory Create(string? given, string name)
    {
        var root = given ?? Path.Combine(Path.GetTempPath(), $"awaitbench-{Sanitize(name)}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        return new WorkDirectory(Path.GetFullPath(root));
    }

    /// <summary>A path under the root; the folder that holds it is created.</summary>
    public string Combine(params string[] parts)
    {
        var path = Path.Combine(Root, Path.Combine(parts));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>A folder under the root, created empty.</summary>
    public string Folder(params string[] parts)
    {
        var path = Path.Combine(Root, Path.Combine(parts));
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

    private static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i]) && chars[i] is not ('-' or '_' or '.'))
            {
                chars[i] = '-';
            }
        }

        return new string(chars);
    }
}
