namespace AwaitAnalyzers.Tests.Verification;

/// <summary>
/// The I/O of the test sources' services: a task that completes later, as real I/O does. A callee in source that returns
/// a completed task is not worth overlapping (docs/design.md §3.5), so stubs written with <c>Task.FromResult</c> would
/// silence the rules under test. Added to every test project as <c>/Pending.cs</c>.
/// </summary>
public static class PendingSource
{
    public const string Path = "/Pending.cs";

    public static string Text(string accessibility = "public") => $$"""
using System.Threading.Tasks;

{{accessibility}} static class Pending
{
    public static async Task<T> Result<T>(T value)
    {
        await Task.Delay(1);
        return value;
    }

    public static async Task Done() => await Task.Delay(1);
}

""";
}
