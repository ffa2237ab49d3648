using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using AwaitAnalyzers.Options;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §5: the options as read from .editorconfig; a malformed value falls back to the default and never throws.</summary>
public class AwaitOptionsTests
{
    [Fact]
    public void NoOptions_GiveTheDefaults()
    {
        var options = AwaitOptions.From(new Config());
        Assert.False(options.IncludeCommands);
        Assert.Equal(8, options.MaxDegreeOfParallelism);
        Assert.Empty(options.NonConcurrentTypes);
        Assert.Empty(options.ConcurrentSafeTypes);
        Assert.Empty(options.CommandVerbs);
        Assert.False(options.AnalyzeTestProjects);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    public void AnalyzeTestProjects_IsReadAsABoolean(string value, bool expected)
    {
        var options = AwaitOptions.From(new Config { [AwaitOptions.AnalyzeTestProjectsKey] = value });
        Assert.Equal(expected, options.AnalyzeTestProjects);
    }

    [Fact]
    public void Lists_AreSplitOnCommasAndTrimmed_AndGlobalPrefixIsDropped()
    {
        var options = AwaitOptions.From(new Config
        {
            [AwaitOptions.NonConcurrentTypesKey] = " MyApp.Data.UnitOfWork , global::MyApp.Io.Channel`1,,",
            [AwaitOptions.ConcurrentSafeTypesKey] = "MyApp.Http.ApiClient",
            [AwaitOptions.CommandVerbsKey] = "Enqueue, archive",
        });
        Assert.Equal(new[] { "MyApp.Data.UnitOfWork", "MyApp.Io.Channel`1" }, Sorted(options.NonConcurrentTypes));
        Assert.Equal(new[] { "MyApp.Http.ApiClient" }, Sorted(options.ConcurrentSafeTypes));
        Assert.Contains("Archive", options.CommandVerbs);
        Assert.Contains("ENQUEUE", options.CommandVerbs);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData(" True ", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    [InlineData("", false)]
    public void IncludeCommands_AcceptsOnlyBooleans(string value, bool expected)
    {
        Assert.Equal(expected, AwaitOptions.From(new Config { [AwaitOptions.IncludeCommandsKey] = value }).IncludeCommands);
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData(" 16 ", 16)]
    [InlineData("0", 8)]
    [InlineData("-3", 8)]
    [InlineData("eight", 8)]
    [InlineData("99999999999999999999", 8)]
    public void MaxDegreeOfParallelism_FallsBackToEightWhenMalformed(string value, int expected)
    {
        Assert.Equal(expected, AwaitOptions.From(new Config { [AwaitOptions.MaxDegreeOfParallelismKey] = value }).MaxDegreeOfParallelism);
    }

    [Fact]
    public void MalformedTypeNames_AreIgnored()
    {
        var options = AwaitOptions.From(new Config { [AwaitOptions.NonConcurrentTypesKey] = "Good.Name, bad<name>, (x), ok_2" });
        Assert.Equal(new[] { "Good.Name", "ok_2" }, Sorted(options.NonConcurrentTypes));
    }

    private static string[] Sorted(IEnumerable<string> values)
    {
        var list = new List<string>(values);
        list.Sort(System.StringComparer.Ordinal);
        return list.ToArray();
    }

    internal sealed class Config : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values = new();

        public string this[string key]
        {
            set => _values[key] = value;
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
