using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.5 Benefit: both operations could be pending; and, read from callee bodies (§3.10), callees that
/// complete synchronously are not worth overlapping.
/// </summary>
public partial class IndependenceModelTests
{
    [Fact]
    public async Task Benefit_CompletedTasks_AreSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var one = await Task.FromResult(1);
        var two = await ValueTask.FromResult(2);
        var three = await new ValueTask<int>(3);
        await Task.CompletedTask;
"""), "await_analyzers.include_commands = true\n");
    }

    [Fact]
    public async Task Benefit_TaskAlreadyHeld_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var pending = a.CountAsync();
        var first = await pending;
        var second = await pending;
"""));
    }

    [Fact]
    public async Task CalleesInSourceThatCompleteSynchronously_AreSilent()
    {
        var source = """

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
public class Settings
{
    private readonly Dictionary<string, string> _values = new();
    public Task<string> GetAsync(string key) => Task.FromResult(_values[key]);
    public async Task<string> GetOrEmptyAsync(string key) { return _values.TryGetValue(key, out var v) ? v : ""; }
    public ValueTask<int> CountAsync() => new ValueTask<int>(_values.Count);
}
public class Caller(Settings settings)
{
    public async Task<string> RunAsync(List<string> keys, CancellationTokenSource[] sources)
    {
        var a = await settings.GetAsync("a");
        var b = await settings.GetOrEmptyAsync("b");
        var c = await settings.CountAsync();
        var values = new List<string>();
        foreach (var key in keys)
            values.Add(await settings.GetAsync(key));
        foreach (var source in sources)
            await source.CancelAsync();
        return a + b + c;
    }
}

""";
        await VerifyGroupAsync(source);
        await VerifyLoopAsync(source);
    }

    [Fact]
    public async Task AMemberThatCompletesSynchronously_SplitsTheRunInTwo()
    {
        await VerifyGroupAsync("""

using System.Threading.Tasks;
public class Store
{
    public async Task<int> LoadAsync(int id) { await Pending.Done(); return id; }
    public Task<int> CachedAsync(int id) => Task.FromResult(id);
}
public class Caller(Store store)
{
    public async Task<int> RunAsync()
    {
        var a = {|#0:await|} store.LoadAsync(1);
        {|#1:var b = await store.LoadAsync(2);|}
        var c = await store.CachedAsync(3);
        var d = {|#2:await|} store.LoadAsync(4);
        {|#3:var e = await store.LoadAsync(5);|}
        return a + b + c + d + e;
    }
}

""", Expect.Group(0, 1), Expect.Group(2, 3));
    }

    [Fact]
    public async Task AnInterfaceWhoseImplementationsInSourceAllCompleteSynchronously_IsSilent()
    {
        await VerifyGroupAsync("""

using System.Collections.Generic;
using System.Threading.Tasks;
public interface ISettings { Task<string> GetAsync(string key); }
public sealed class MemorySettings : ISettings
{
    private readonly Dictionary<string, string> _values = new();
    public Task<string> GetAsync(string key) => Task.FromResult(_values[key]);
}
public class Caller(ISettings settings)
{
    public async Task<string> RunAsync()
    {
        var a = await settings.GetAsync("a");
        var b = await settings.GetAsync("b");
        return a + b;
    }
}

""");
    }
}
