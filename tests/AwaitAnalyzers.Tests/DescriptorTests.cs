using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>Every rule has a page, a release-tracking entry, and a help link that points at the page.</summary>
public class DescriptorTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void HelpLink_PointsAtTheRulePageInTheRepository(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_IsTrackedInTheUnshippedRelease(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity, unshipped, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_IsListedInTheReadme(string id)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.Contains("[" + id + "](docs/rules/" + id + ".md)", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAnalyzer_IsFoundAndRuns_InCSharpOnly()
    {
        var analyzers = Analyzers().ToList();
        Assert.NotEmpty(analyzers);
        foreach (var analyzer in analyzers)
        {
            var attribute = (DiagnosticAnalyzerAttribute?)Attribute.GetCustomAttribute(analyzer.GetType(), typeof(DiagnosticAnalyzerAttribute));
            Assert.NotNull(attribute);
            Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);
        }
    }

    private static System.Collections.Generic.IEnumerable<DiagnosticAnalyzer> Analyzers()
        => typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    private static System.Collections.Generic.IEnumerable<DiagnosticDescriptor> AllDescriptors()
        => Analyzers().SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First());

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AwaitAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AwaitAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
