using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace AwaitAnalyzers.EndToEnd;

/// <summary>The package the showcase installed (docs/design.md §6): analyzers only, built against Roslyn 4.8 so every current host loads them.</summary>
[Collection(ShowcaseCollection.Name)]
public sealed class PackageContentsTests
{
    private static readonly string[] AnalyzerAssemblies = { "AwaitAnalyzers.dll", "AwaitAnalyzers.CodeFixes.dll" };

    /// <summary>The .NET 8 SDK and Visual Studio 17.8 ship Roslyn 4.8: a newer reference makes them refuse the analyzer (CS9057).</summary>
    private static readonly Version OldestSupportedRoslyn = new(4, 8, 0, 0);

    private readonly ShowcaseRun _run;

    public PackageContentsTests(ShowcaseRun run)
    {
        _run = run;
    }

    [Fact]
    public void Package_HoldsBothAssembliesUnderAnalyzersAndNoLibrary()
    {
        using var package = OpenPackage();
        var entries = package.Entries.Select(e => e.FullName).ToList();
        foreach (var assembly in AnalyzerAssemblies)
        {
            Assert.Contains("analyzers/dotnet/cs/" + assembly, entries);
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_IsADevelopmentDependency()
    {
        using var package = OpenPackage();
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var flag = XDocument.Load(stream).Descendants().SingleOrDefault(e => e.Name.LocalName == "developmentDependency");
        Assert.Equal("true", flag?.Value);
    }

    [Theory]
    [InlineData("AwaitAnalyzers.dll")]
    [InlineData("AwaitAnalyzers.CodeFixes.dll")]
    public void AnalyzerAssembly_ReferencesNoRoslynNewerThan48(string assembly)
    {
        using var package = OpenPackage();
        using var copy = new MemoryStream();
        using (var entry = package.GetEntry("analyzers/dotnet/cs/" + assembly)!.Open())
        {
            entry.CopyTo(copy);
        }

        copy.Position = 0;
        using var reader = new PEReader(copy);
        var metadata = reader.GetMetadataReader();
        var roslyn = metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .Where(r => metadata.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(r => (Name: metadata.GetString(r.Name), r.Version))
            .ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, r => Assert.True(r.Version <= OldestSupportedRoslyn, $"{assembly} references {r.Name} {r.Version}"));
    }

    private ZipArchive OpenPackage()
    {
        var package = Directory.Exists(_run.Artifacts) ? Directory.GetFiles(_run.Artifacts, "*.nupkg").SingleOrDefault() : null;
        Assert.True(package is not null, $"scripts/showcase.sh did not keep the package it packed:{Environment.NewLine}{_run.Tail()}");
        return ZipFile.OpenRead(package);
    }
}
