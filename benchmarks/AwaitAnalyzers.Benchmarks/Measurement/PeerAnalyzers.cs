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
/// AsyncFixer 2.1.0 and Microsoft.VisualStudio.Threading.Analyzers 18.12.1, with the additional files its build props add.
/// </summary>
internal static class PeerAnalyzers
{
    public static AnalyzerSet AsyncFixer()
    {
        var root = ReferenceSet.MetadataPath("AsyncFixerPath");
        return new AnalyzerSet("AsyncFixer 2.1.0", Load(Path.Combine(root, "analyzers", "dotnet", "cs"), "AsyncFixer.dll"), ImmutableArray<AdditionalText>.Empty);
    }

    public static AnalyzerSet VsThreading()
    {
        var root = ReferenceSet.MetadataPath("VsThreadingAnalyzersPath");
        var additional = Directory.EnumerateFiles(Path.Combine(root, "buildTransitive", "AdditionalFiles"), "*.txt")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new FileText(p))
            .ToImmutableArray();
        var folder = Path.Combine(root, "analyzers", "cs");
        var analyzers = Load(folder, "Microsoft.VisualStudio.Threading.Analyzers.dll", "Microsoft.VisualStudio.Threading.Analyzers.CSharp.dll");
        return new AnalyzerSet("VS.Threading.Analyzers 18.12.1", analyzers, additional);
    }

    /// <summary>The C# analyzers of the given files of one folder, as the compiler loads analyzers/cs: one load context for the folder.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> Load(string folder, params string[] files)
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
