using System.Threading.Tasks;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>Fix All for AWAIT001 at project scope through the Workspaces API.</summary>
internal static class FixAllRunner
{
    /// <summary>Null when the AWAIT001 fixer is in this build, else why Fix All cannot be measured.</summary>
    public static string? Availability() => "the AWAIT001 fixer is not in this build yet";

    public static Task<FixAllResult> RunAsync(Workload workload, AnalyzerSet own)
        => throw new System.NotSupportedException(Availability());
}
