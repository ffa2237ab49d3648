using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>
/// The peers, loaded at run time from the NuGet packages the project downloads (never applied to the benchmark itself):
/// AsyncFixer 2.1.0, Microsoft.VisualStudio.Threading.Analyzers 18.12.1 (with the additional files its build props add)
/// and Meziantou.Analyzer 3.0.321.
/// </summary>
internal static class PeerAnalyzers
{
    public const string AsyncFixerName = "AsyncFixer 2.1.0";

    public const string VsThreadingName = "VS.Threading.Analyzers 18.12.1";

    public const string MeziantouName = "Meziantou.Analyzer 3.0.321";

    public static AnalyzerSet AsyncFixer()
    {
        var root = ReferenceSet.MetadataPath("AsyncFixerPath");
        return new AnalyzerSet(AsyncFixerName, Load(Path.Combine(root, "analyzers", "dotnet", "cs"), "AsyncFixer.dll"), ImmutableArray<AdditionalText>.Empty);
    }

    public static AnalyzerSet VsThreading()
    {
        var additional = VsThreadingAdditionalFiles()
            .Select(p => (AdditionalText)new FileText(p))
            .ToImmutableArray();
        var folder = VsThreadingFolder();
        var analyzers = Load(folder, "Microsoft.VisualStudio.Threading.Analyzers.dll", "Microsoft.VisualStudio.Threading.Analyzers.CSharp.dll");
        return new AnalyzerSet(VsThreadingName, analyzers, additional);
    }

    /// <summary>Meziantou.Analyzer, from the folder NuGet would pick for the host's Roslyn (analyzers/dotnet/roslynX.Y/cs).</summary>
    public static AnalyzerSet Meziantou()
    {
        var folder = MeziantouFolder(typeof(Compilation).Assembly.GetName().Version!);
        return new AnalyzerSet(MeziantouName, Load(folder, "Meziantou.Analyzer.dll"), ImmutableArray<AdditionalText>.Empty);
    }

    public static string AsyncFixerFolder() => Path.Combine(ReferenceSet.MetadataPath("AsyncFixerPath"), "analyzers", "dotnet", "cs");

    public static string VsThreadingFolder() => Path.Combine(ReferenceSet.MetadataPath("VsThreadingAnalyzersPath"), "analyzers", "cs");

    /// <summary>The lists of main-thread members and the like that VS.Threading's buildTransitive props add as AdditionalFiles.</summary>
    public static IEnumerable<string> VsThreadingAdditionalFiles()
        => Directory.EnumerateFiles(Path.Combine(ReferenceSet.MetadataPath("VsThreadingAnalyzersPath"), "buildTransitive", "AdditionalFiles"), "*.txt")
            .OrderBy(p => p, StringComparer.Ordinal);

    /// <summary>The highest analyzers/dotnet/roslynX.Y/cs folder of Meziantou.Analyzer not newer than <paramref name="compiler"/>, as NuGet chooses.</summary>
    public static string MeziantouFolder(Version compiler)
    {
        var root = Path.Combine(ReferenceSet.MetadataPath("MeziantouAnalyzerPath"), "analyzers", "dotnet");
        var best = Directory.EnumerateDirectories(root, "roslyn*")
            .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d)["roslyn".Length..], out var v) ? v : null))
            .Where(c => c.Version is not null && c.Version <= new Version(compiler.Major, compiler.Minor))
            .OrderByDescending(c => c.Version)
            .FirstOrDefault();
        return best.Folder is null
            ? throw new InvalidOperationException($"Meziantou.Analyzer has no analyzers for Roslyn {compiler} under {root}.")
            : Path.Combine(best.Folder, "cs");
    }

    /// <summary>The C# analyzers of the given files of one folder, as the compiler loads analyzers/cs: one load context for the folder.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Load(string folder, params string[] files)
    {
        var loader = new FolderLoader(folder);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var file in files)
        {
            var failures = new List<string>();
            var reference = new AnalyzerFileReference(Path.Combine(folder, file), loader);
            reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.TypeName}: {e.Message}");
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            if (failures.Count > 0)
            {
                throw new InvalidOperationException($"Could not load every analyzer of {file}:\n  " + string.Join("\n  ", failures));
            }
        }

        return analyzers.ToImmutable();
    }

    /// <summary>Loads an analyzer and its own dependencies from its folder; Roslyn itself comes from the host.</summary>
    private sealed class FolderLoader : IAnalyzerAssemblyLoader
    {
        private readonly Context _context;

        public FolderLoader(string folder)
        {
            _context = new Context(folder);
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);

        private sealed class Context : AssemblyLoadContext
        {
            private readonly string _folder;

            public Context(string folder)
                : base("peer:" + Path.GetFileName(folder))
            {
                _folder = folder;
            }

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                if (assemblyName.Name is { } name && name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    return null;
                }

                var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
                return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
            }
        }
    }
}
