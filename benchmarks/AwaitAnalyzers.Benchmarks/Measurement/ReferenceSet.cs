using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>
/// What the generated code base compiles against: the net8.0 reference assemblies (Microsoft.NETCore.App.Ref 8.0.28)
/// and EF Core 8 with the Microsoft.Extensions libraries it brings, as a typical service would.
/// </summary>
internal static class ReferenceSet
{
    private static readonly string[] LibraryPrefixes = { "Microsoft.EntityFrameworkCore", "Microsoft.Extensions." };

    public static ImmutableArray<MetadataReference> Load()
    {
        var framework = MetadataPath("NetCoreAppRefPath");
        if (!Directory.Exists(framework))
        {
            throw new InvalidOperationException($"The net8.0 reference assemblies are missing at {framework}: run 'dotnet restore' on the benchmark project.");
        }

        var paths = Directory.EnumerateFiles(framework, "*.dll")
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
                .Where(p => LibraryPrefixes.Any(prefix => Path.GetFileName(p).StartsWith(prefix, StringComparison.Ordinal))))
            .OrderBy(p => p, StringComparer.Ordinal);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    /// <summary>A path the project file recorded at build time (AssemblyMetadata).</summary>
    public static string MetadataPath(string key)
    {
        foreach (var attribute in typeof(ReferenceSet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == key && !string.IsNullOrEmpty(attribute.Value))
            {
                return attribute.Value;
            }
        }

        throw new InvalidOperationException($"The build recorded no '{key}'.");
    }

    public static IEnumerable<string> Describe(ImmutableArray<MetadataReference> references)
        => references.Select(r => Path.GetFileName(r.Display ?? string.Empty));
}
