using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Options;

/// <summary>The .editorconfig / .globalconfig options of docs/design.md §5. A malformed value falls back to the default.</summary>
internal sealed class AwaitOptions
{
    public const string Prefix = "await_analyzers.";
    public const string NonConcurrentTypesKey = Prefix + "non_concurrent_types";
    public const string ConcurrentSafeTypesKey = Prefix + "concurrent_safe_types";
    public const string IncludeCommandsKey = Prefix + "include_commands";
    public const string CommandVerbsKey = Prefix + "command_verbs";
    public const string MaxDegreeOfParallelismKey = Prefix + "max_degree_of_parallelism";
    public const string ReportPipelinesKey = Prefix + "report_pipelines";
    public const string AnalyzeTestProjectsKey = Prefix + "analyze_test_projects";
    public const int DefaultMaxDegreeOfParallelism = 8;

    public static readonly AwaitOptions Default = new();

    private AwaitOptions()
    {
    }

    /// <summary>Full metadata names of more types never used concurrently.</summary>
    public ImmutableHashSet<string> NonConcurrentTypes { get; private set; } = ImmutableHashSet<string>.Empty;

    /// <summary>Full metadata names of more types whose one instance may serve concurrent calls.</summary>
    public ImmutableHashSet<string> ConcurrentSafeTypes { get; private set; } = ImmutableHashSet<string>.Empty;

    public bool IncludeCommands { get; private set; }

    /// <summary>More leading verbs that make an operation a command (compared ignoring case).</summary>
    public ImmutableHashSet<string> CommandVerbs { get; private set; } = ImmutableHashSet<string>.Empty;

    public int MaxDegreeOfParallelism { get; private set; } = DefaultMaxDegreeOfParallelism;

    /// <summary>docs/design.md §3.10: AWAIT002 also reports loops whose items are the steps of a pipeline.</summary>
    public bool ReportPipelines { get; private set; }

    /// <summary>docs/design.md §2: AWAIT001 and AWAIT002 also report in projects that reference a test framework.</summary>
    public bool AnalyzeTestProjects { get; private set; }

    public bool HasTypeLists => NonConcurrentTypes.Count > 0 || ConcurrentSafeTypes.Count > 0;

    public static AwaitOptions From(AnalyzerConfigOptions options)
    {
        var nonConcurrent = ReadList(options, NonConcurrentTypesKey, StringComparer.Ordinal);
        var safe = ReadList(options, ConcurrentSafeTypesKey, StringComparer.Ordinal);
        var verbs = ReadList(options, CommandVerbsKey, StringComparer.OrdinalIgnoreCase);
        var includeCommands = ReadBool(options, IncludeCommandsKey);
        var reportPipelines = ReadBool(options, ReportPipelinesKey);
        var analyzeTests = ReadBool(options, AnalyzeTestProjectsKey);
        var degree = DefaultMaxDegreeOfParallelism;
        if (options.TryGetValue(MaxDegreeOfParallelismKey, out var text)
            && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value > 0)
        {
            degree = value;
        }

        if (nonConcurrent.Count == 0 && safe.Count == 0 && verbs.Count == 0 && !includeCommands && !reportPipelines && !analyzeTests && degree == DefaultMaxDegreeOfParallelism)
        {
            return Default;
        }

        return new AwaitOptions
        {
            NonConcurrentTypes = nonConcurrent,
            ConcurrentSafeTypes = safe,
            IncludeCommands = includeCommands,
            CommandVerbs = verbs,
            MaxDegreeOfParallelism = degree,
            ReportPipelines = reportPipelines,
            AnalyzeTestProjects = analyzeTests,
        };
    }

    private static bool ReadBool(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var text) && bool.TryParse(text.Trim(), out var value) && value;

    private static ImmutableHashSet<string> ReadList(AnalyzerConfigOptions options, string key, StringComparer comparer)
    {
        if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return ImmutableHashSet<string>.Empty.WithComparer(comparer);
        }

        var builder = ImmutableHashSet.CreateBuilder(comparer);
        foreach (var part in value.Split(new[] { ',', ';', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Trim();
            if (name.StartsWith("global::", StringComparison.Ordinal))
            {
                name = name.Substring("global::".Length);
            }

            if (IsPlausibleName(name))
            {
                builder.Add(name);
            }
        }

        return builder.ToImmutable();
    }

    private static bool IsPlausibleName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '`' || c == '+'))
            {
                return false;
            }
        }

        return true;
    }
}
