using System.Threading.Tasks;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.3 Ordering intent: pauses, synchronisation and commit-like steps are never overlapped.</summary>
public partial class IndependenceModelTests
{
    [Fact]
    public async Task Ordering_TaskDelay_IsSilentEvenWithCommands()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await Task.Delay(100);
        await a.SendAsync("after the pause");
"""), "await_analyzers.include_commands = true\n");
    }

    [Fact]
    public async Task Ordering_TaskYield_IsSilentEvenWithCommands()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await Task.Yield();
        await a.SendAsync("m");
"""), "await_analyzers.include_commands = true\n");
    }

    [Fact]
    public async Task Ordering_SemaphoreWaitAsync_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Class("""
    public async Task RunAsync(SemaphoreSlim gate, Client a)
    {
        var entered = await gate.WaitAsync(100);
        var count = await a.CountAsync();
        gate.Release();
    }
"""));
    }

    [Fact]
    public async Task Ordering_WaitAsyncWithCommands_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Class("""
    public async Task RunAsync(SemaphoreSlim gate, Client a)
    {
        await gate.WaitAsync();
        await a.SendAsync("m");
        gate.Release();
    }
"""), "await_analyzers.include_commands = true\n");
    }

    [Fact]
    public async Task Ordering_SaveChangesWithStoredResult_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var saved = await a.SaveChangesAsync();
        var count = await b.CountAsync();
"""));
    }

    [Fact]
    public async Task Ordering_CommitWithStoredResult_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var count = await b.CountAsync();
        var committed = await a.CommitAsync();
"""));
    }

    [Fact]
    public async Task Ordering_FlushWithCommands_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await a.SendAsync("m");
        await a.FlushAsync();
"""), "await_analyzers.include_commands = true\n");
    }

    [Fact]
    public async Task Ordering_WhenAllAndWhenAny_AreSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var all = await Task.WhenAll(a.CountAsync(), b.CountAsync());
        var any = await Task.WhenAny(a.CountAsync(), b.CountAsync());
"""));
    }

    [Fact]
    public async Task ALockObtainedBeforeTheConnection_IsAnOrderingStep()
    {
        await VerifyGroupAsync("""

using System.Threading.Tasks;
public class Store
{
    public async Task<int> ObtainLock(string name) { await Pending.Done(); return name.Length; }
    public async Task<string> GetConnectionAsync() { await Pending.Done(); return "c"; }
}
public class Recovery(Store store)
{
    public async Task<string> RunAsync()
    {
        var owner = await store.ObtainLock("TRIGGER_ACCESS");
        var connection = await store.GetConnectionAsync();
        return connection + owner;
    }
}

""");
    }
}
