using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.10 Ordered pipelines, writers and readers: a loop over handlers, checks or delegate steps is a chain
/// whose order is its design (unless <c>report_pipelines</c>); awaited delegates, whose callee is unseen.
/// </summary>
public partial class IndependenceModelTests
{
    private const string Handlers = """

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
public sealed record Context(string Tenant);
public interface IHandler { Task HandleAsync(Context context); }
public abstract class Check { public abstract Task<bool> RunAsync(Context context); }
public sealed class AuditHandler : IHandler { public Task HandleAsync(Context context) => Pending.Done(); }
public sealed class QuotaCheck : Check { public override Task<bool> RunAsync(Context context) => Pending.Result(true); }

""";

    private const string Pipeline = Handlers + """

public class Chain
{
    public static IEnumerable<IHandler> Handlers() => new IHandler[0];
    public async Task RunAsync(Context context)
    {
        {|#0:foreach|} (var handler in Handlers())
            {|#1:await handler.HandleAsync(context)|};
    }
}

""";

    [Fact]
    public async Task HandlersGivenOneMutableContext_AreSilent_EvenWhenPipelinesAreReported()
    {
        // Steps that may write the context they share (one list of failures) are not independent, whatever the option says.
        await VerifyLoopAsync("""

using System.Collections.Generic;
using System.Threading.Tasks;
public class LoginContext { public List<string> Failures { get; } = new(); }
public interface ILoginCheck { Task CheckAsync(LoginContext context); }
public class Login
{
    public async Task RunAsync(IEnumerable<ILoginCheck> checks, LoginContext context)
    {
        foreach (var check in checks)
            await check.CheckAsync(context);
    }
}

""", "await_analyzers.report_pipelines = true");
    }

    [Fact]
    public async Task HandlersOfAnInterfaceGivenOneContext_AreSilent()
    {
        await VerifyLoopAsync(Silent(Pipeline));
    }

    [Fact]
    public async Task AbstractChecksAndDelegateSteps_AreSilent()
    {
        await VerifyLoopAsync(Handlers + """

public class Chain
{
    public async Task RunAsync(List<Check> checks, Func<Context, Task>[] steps, Context context)
    {
        var results = new List<bool>();
        foreach (var check in checks)
            results.Add(await check.RunAsync(context));
        for (var i = 0; i < steps.Length; i++)
            await steps[i](context);
    }
}

""");
    }

    [Fact]
    public async Task Pipelines_AreReported_WhenTheOptionAsksForThem()
    {
        await VerifyLoopAsync(Pipeline, "await_analyzers.report_pipelines = true", Expect.Loop(0, 1));
    }

    [Fact]
    public async Task ItemsOfAConcreteTypeInSourceThatWriteNothing_AreNotAPipeline()
    {
        await VerifyLoopAsync("""

using System.Collections.Generic;
using System.Threading.Tasks;
public sealed class Feed { public async Task<int> PollAsync(int since) { await Pending.Done(); return since; } }
public class Reader
{
    public async Task<List<int>> RunAsync(List<Feed> feeds)
    {
        var counts = new List<int>();
        {|#0:foreach|} (var feed in feeds)
            counts.Add({|#1:await feed.PollAsync(0)|});
        return counts;
    }
}

""", null, Expect.Loop(0, 1));
    }

    [Fact]
    public async Task OneDelegateAppliedToEachListener_IsAPipeline()
    {
        await VerifyLoopAsync("""

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
public interface IListener { Task Fired(string name); }
public class Broadcast(List<IListener> listeners)
{
    public async Task NotifyAsync(Func<IListener, Task> action)
    {
        foreach (var listener in listeners)
            await action(listener);
    }
}

""");
    }

    // Ordered writers and readers.

    [Fact]
    public async Task ElementsWrittenToAnXmlWriter_AreSilent()
    {
        await VerifyLoopAsync("""

using System.Collections.Generic;
using System.Threading.Tasks;
using System.Xml;
public class Export
{
    public async Task WriteAsync(XmlWriter writer, List<string> names)
    {
        foreach (var name in names)
            await writer.WriteElementStringAsync(null, "name", null, name);
    }
}

""");
    }

    // Awaited delegates: what they run is unseen.

    private const string Mapping = """

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
public class Mapping
{
    public async Task<List<string>> MapAsync(int[] ids, Func<int, Task<string>> mapper)
    {
        var results = new List<string>();
        {|#0:foreach|} (var id in ids)
            results.Add({|#1:await mapper(id)|});
        return results;
    }
    public async Task<string> PairAsync(Func<Task<string>> first, Func<Task<string>> second)
    {
        var a = {|#2:await|} first();
        {|#3:var b = await second();|}
        return a + b;
    }
}

""";

    [Fact]
    public async Task AwaitedDelegates_WithEntityFrameworkReferenced_AreSilent()
    {
        var silent = Silent(Mapping);
        var loop = VerifyLoop.Create(silent);
        loop.ReferenceAssemblies = References.Net80WithEntityFramework;
        await loop.RunAsync();
        var group = Verify.Create(silent);
        group.ReferenceAssemblies = References.Net80WithEntityFramework;
        await group.RunAsync();
    }

    [Fact]
    public async Task AwaitedDelegates_WithoutADataAccessAssembly_AreSilent()
    {
        // A callback runs its creator's code, which may write what it captured (a counter, a list).
        var silent = Silent(Mapping);
        await VerifyLoop.Create(silent).RunAsync();
        await Verify.Create(silent).RunAsync();
    }

    [Fact]
    public async Task AwaitedLocalFunctions_AreReported()
    {
        // A local function's body is in view, unlike a delegate's.
        await VerifyLoopAsync("""

using System.Collections.Generic;
using System.Threading.Tasks;
public class Mapping
{
    public async Task<List<string>> MapAsync(int[] ids)
    {
        var results = new List<string>();
        {|#0:foreach|} (var id in ids)
            results.Add({|#1:await MapOneAsync(id)|});
        return results;
        static Task<string> MapOneAsync(int id) => Pending.Result(id.ToString());
    }
}

""", null, Expect.Loop(0, 1));
    }

    private const string Approvals = """

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
public class Approval
{
    public string Email { get; set; } = "";
    public async Task NotifyAsync(Func<string, Task> send)
    {
        await Pending.Done();
        await send(Email);
    }
    public async Task ReportAsync(Func<string, Task> send)
    {
        await Pending.Done();
        Console.WriteLine(send.Method.Name);
    }
}

""";

    [Fact]
    public async Task LoopCallingACalleeThatAwaitsTheCallbackItIsHanded_IsSilent()
    {
        // The callee runs the caller's callback, whose code is not in view (a mail service with a cache of its own).
        await VerifyLoopAsync(Approvals + """

public class Batch
{
    public async Task SendAsync(List<Approval> approvals, Func<string, Task> send)
    {
        foreach (var approval in approvals)
            await approval.NotifyAsync(send);
    }
}

""");
    }

    [Fact]
    public async Task LoopCallingACalleeThatOnlyReadsTheCallbackItIsHanded_IsReported()
    {
        await VerifyLoopAsync(Approvals + """

public class Batch
{
    public async Task SendAsync(List<Approval> approvals, Func<string, Task> send)
    {
        {|#0:foreach|} (var approval in approvals)
            {|#1:await approval.ReportAsync(send)|};
    }
}

""", null, Expect.Loop(0, 1));
    }

    private const string Invokers = """

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
public sealed record Args(string Topic);
public readonly struct Invoker
{
    private readonly Func<Args, Task> _handler;
    public Invoker(Func<Args, Task> handler) { _handler = handler; }
    public Task InvokeAsync(Args args) => _handler(args);
}
public sealed class Subscription
{
    public string Topic { get; init; } = "";
    public async Task<int> CountAsync(Args args) { await Pending.Done(); return args.Topic.Length; }
}
public class Event
{
    public async Task RaiseAsync(List<Invoker> handlers, List<Subscription> subscriptions, Args args)
    {
        foreach (var handler in handlers)
            await handler.InvokeAsync(args);
        var counts = new List<int>();
        {|#0:foreach|} (var subscription in subscriptions)
            counts.Add({|#1:await subscription.CountAsync(args)|});
    }
}

""";

    [Fact]
    public async Task ItemsThatWrapAHandler_AreAPipeline_ItemsWithoutOneAreNot()
    {
        await VerifyLoopAsync(Invokers, null, Expect.Loop(0, 1));
    }
}
