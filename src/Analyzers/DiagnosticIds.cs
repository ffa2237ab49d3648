namespace AwaitAnalyzers;

/// <summary>Rule ids (docs/design.md §2). An id is never reused.</summary>
public static class DiagnosticIds
{
    public const string IndependentAwaits = "AWAIT001";
    public const string AwaitInLoop = "AWAIT002";
    public const string ConcurrentResource = "AWAIT003";
}
