using Microsoft.CodeAnalysis.Testing;

namespace AwaitAnalyzers.Tests.Verification;

/// <summary>Expected diagnostics, located by <c>{|#n:...|}</c> markup.</summary>
public static class Expect
{
    /// <summary>
    /// AWAIT001 on the group whose first await keyword is marked <paramref name="first"/> and whose other statements are
    /// marked by <paramref name="others"/> (its additional locations).
    /// </summary>
    public static DiagnosticResult Group(int first, params int[] others)
    {
        var result = new DiagnosticResult(DiagnosticIds.IndependentAwaits, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(first)
            .WithArguments(others.Length + 1);
        foreach (var other in others)
        {
            result = result.WithLocation(other);
        }

        return result;
    }

    /// <summary>AWAIT002 on the loop keyword marked <paramref name="loop"/>, with the awaited expressions marked by <paramref name="awaits"/>.</summary>
    public static DiagnosticResult Loop(int loop, params int[] awaits)
    {
        var result = new DiagnosticResult(DiagnosticIds.AwaitInLoop, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(loop);
        foreach (var location in awaits)
        {
            result = result.WithLocation(location);
        }

        return result;
    }

    /// <summary>
    /// AWAIT003 on the operation marked <paramref name="later"/> (for a loop shape, its lambda), with the operation already running
    /// marked <paramref name="earlier"/> as its additional location; the message names <paramref name="resource"/> and <paramref name="reach"/>.
    /// </summary>
    public static DiagnosticResult Concurrent(int later, int? earlier, string resource, string reach)
    {
        var result = new DiagnosticResult(DiagnosticIds.ConcurrentResource, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(later)
            .WithArguments(resource, reach);
        return earlier is { } running ? result.WithLocation(running) : result;
    }
}
