namespace AwaitAnalyzers.Tests.Verification;

/// <summary>
/// The one wrapper of the analyzer tests: a test class's usings and services (<see cref="Prelude"/>), then a class
/// <c>Caller</c> holding <see cref="Members"/> and either the members a test writes (<see cref="Class"/>) or a method
/// <c>RunAsync</c> around the statements a test writes (<see cref="Method"/>).
/// </summary>
public sealed record CallerSource(string Prelude)
{
    /// <summary>What <c>RunAsync</c> returns.</summary>
    public string Returns { get; init; } = "Task";

    /// <summary><c>RunAsync</c>'s parameters, unless a test names its own.</summary>
    public string Parameters { get; init; } = string.Empty;

    /// <summary>Members every test's <c>Caller</c> has, before the test's own (each line ends in a newline).</summary>
    public string Members { get; init; } = string.Empty;

    /// <summary>Statements after a test's statements, such as a <c>return</c> (each line ends in a newline).</summary>
    public string Epilogue { get; init; } = string.Empty;

    /// <summary><c>Caller</c> with <paramref name="members"/> after <see cref="Members"/>.</summary>
    public string Class(string members) => $$"""
{{Prelude}}
public class Caller
{
{{Members}}{{(Members.Length > 0 ? "\n" : string.Empty)}}{{members}}
}

""";

    /// <summary><c>Caller.RunAsync</c> running <paramref name="body"/>, on <paramref name="parameters"/> or <see cref="Parameters"/>.</summary>
    public string Method(string body, string? parameters = null) => Class($$"""
    public async {{Returns}} RunAsync({{parameters ?? Parameters}})
    {

{{body}}

{{Epilogue}}    }
""");
}
