using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.11 Declared intent: a comment or a concurrency setting that asks for sequential work wins.</summary>
public partial class IndependenceModelTests
{
    private const string Sender = """

using System.Collections.Generic;
using System.Threading.Tasks;
public class Api { public async Task<int> SendAsync(int id) { await Pending.Done(); return id; } }

""";

    [Theory]
    [InlineData("// the remote API takes one request at a time")]
    [InlineData("// run these sequentially: the partner throttles us")]
    [InlineData("/* keep the calls in order */")]
    [InlineData("// rate limited by the vendor")]
    public async Task ACommentOnTheLoopThatAsksForSequentialWork_IsSilent(string comment)
    {
        await VerifyLoopAsync(Sender + $$"""

public class Caller(Api api)
{
    public async Task RunAsync(int[] ids)
    {
        var sent = new List<int>();
        {{comment}}
        foreach (var id in ids)
            sent.Add(await api.SendAsync(id));
    }
}

""");
    }

    [Fact]
    public async Task ADocCommentOnTheTypeThatAsksForSequentialWork_SilencesBothRules()
    {
        var source = Sender + """

public class Counter { public async Task<int> CountAsync(int id) { await Pending.Done(); return id; } }
/// <summary>Only one request may be sent to the partner at a time.</summary>
public class Caller(Api api, Counter counter)
{
    public async Task<int> RunAsync(int[] ids)
    {
        var sent = new List<int>();
        foreach (var id in ids)
            sent.Add(await api.SendAsync(id));
        var a = await counter.CountAsync(1);
        var b = await counter.CountAsync(2);
        return a + b;
    }
}

""";
        await VerifyLoopAsync(source);
        await VerifyGroupAsync(source);
    }

    [Fact]
    public async Task ALoopInABranchThatTestsAConcurrencySetting_IsSilent()
    {
        await VerifyLoopAsync(Sender + """

public class Options { public int MaxDegreeOfParallelism { get; set; } }
public class Caller(Api api, Options options)
{
    public async Task RunAsync(int[] ids)
    {
        var sent = new List<int>();
        if (options.MaxDegreeOfParallelism <= 1)
        {
            foreach (var id in ids)
                sent.Add(await api.SendAsync(id));
        }
    }
}

""");
    }

    [Theory]
    [InlineData("// send them all")]
    [InlineData("// in order to notify everyone")]
    [InlineData("// serialize each id")]
    public async Task CommentsThatDoNotAskForSequentialWork_AreReported(string comment)
    {
        await VerifyLoopAsync(Sender + $$"""

public class Caller(Api api)
{
    public async Task RunAsync(int[] ids)
    {
        var sent = new List<int>();
        {{comment}}
        {|#0:foreach|} (var id in ids)
            sent.Add({|#1:await api.SendAsync(id)|});
    }
}

""", null, Expect.Loop(0, 1));
    }

    [Theory]
    [InlineData("SequentialDispatcher", "RunAsync")]
    [InlineData("Dispatcher", "SendOneByOneAsync")]
    [InlineData("Dispatcher", "SendSequentiallyAsync")]
    public async Task ATypeOrMethodNamedForSequentialWork_SilencesBothRules(string type, string method)
    {
        var source = Sender + $$"""

public class Counter { public async Task<int> CountAsync(int id) { await Pending.Done(); return id; } }
public class {{type}}(Api api, Counter counter)
{
    public async Task<int> {{method}}(int[] ids)
    {
        var sent = new List<int>();
        foreach (var id in ids)
            sent.Add(await api.SendAsync(id));
        var a = await counter.CountAsync(1);
        var b = await counter.CountAsync(2);
        return a + b;
    }
}

""";
        await VerifyLoopAsync(source);
        await VerifyGroupAsync(source);
    }

    [Theory]
    [InlineData("SerialPortDispatcher", "RunAsync")]
    [InlineData("Dispatcher", "SendInOrderToNotifyAsync")]
    public async Task NamesThatDoNotAskForSequentialWork_AreReported(string type, string method)
    {
        var source = Sender + $$"""

public class Counter { public async Task<int> CountAsync(int id) { await Pending.Done(); return id; } }
public class {{type}}(Api api, Counter counter)
{
    public async Task<int> {{method}}(int[] ids)
    {
        var sent = new List<int>();
        {|#0:foreach|} (var id in ids)
            sent.Add({|#1:await api.SendAsync(id)|});
        var a = {|#2:await|} counter.CountAsync(1);
        {|#3:var b = await counter.CountAsync(2);|}
        return a + b;
    }
}

""";
        await VerifyGroupAsync(Silent(source, 0, 1), Expect.Group(2, 3));
        await VerifyLoopAsync(Silent(source, 2, 3), null, Expect.Loop(0, 1));
    }
}
