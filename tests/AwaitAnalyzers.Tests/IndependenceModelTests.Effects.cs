using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.10: what callees write (effect summaries), ordered pipelines and writers, per-call contexts;
/// §3.11: declared sequential intent; §3.5: callees that complete synchronously. Silent and reported side by side.
/// </summary>
public partial class IndependenceModelTests
{
    // Effect summaries: a callee in source that writes its own instance, a shared argument, static or captured state.

    private const string Lookup = """

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
public class Lookup
{
    private readonly Dictionary<int, string> _cache = new();
    public async Task<string> FindAsync(int id)
    {
        var name = await Pending.Result(id.ToString());
        _cache[id] = name;
        return name;
    }
    public async Task<string> ReadAsync(int id) => await Pending.Result(id.ToString());
}

""";

    [Fact]
    public async Task LoopCallingACalleeThatWritesItsOwnInstance_IsSilent()
    {
        await VerifyLoopAsync(Lookup + """

public class Caller(Lookup lookup)
{
    public async Task RunAsync(int[] ids)
    {
        foreach (var id in ids)
        {
            var name = await lookup.FindAsync(id);
            Console.WriteLine(name);
        }
    }
}

""");
    }

    [Fact]
    public async Task LoopCallingACalleeThatWritesNothingShared_IsReported()
    {
        await VerifyLoopAsync(Lookup + """

public class Caller(Lookup lookup)
{
    public async Task RunAsync(int[] ids)
    {
        {|#0:foreach|} (var id in ids)
        {
            var name = {|#1:await lookup.ReadAsync(id)|};
            Console.WriteLine(name);
        }
    }
}

""", null, Expect.Loop(0, 1));
    }

    [Fact]
    public async Task GroupWhoseFirstCalleeWritesTheSharedService_IsSilent()
    {
        await VerifyGroupAsync(Lookup + """

public class Caller(Lookup lookup)
{
    public async Task<string> RunAsync()
    {
        var a = await lookup.FindAsync(1);
        var b = await lookup.ReadAsync(2);
        return a + b;
    }
}

""");
    }

    [Fact]
    public async Task GroupOfCalleesThatWriteNothing_IsReported()
    {
        await VerifyGroupAsync(Lookup + """

public class Caller(Lookup lookup)
{
    public async Task<string> RunAsync()
    {
        var a = {|#0:await|} lookup.ReadAsync(1);
        {|#1:var b = await lookup.ReadAsync(2);|}
        return a + b;
    }
}

""", Expect.Group(0, 1));
    }

    private const string Enrichers = """

using System.Collections.Generic;
using System.Threading.Tasks;
public class UploadCommand { public string File { get; set; } = ""; }
public class Enricher
{
    public async Task<int> EnrichAsync(UploadCommand command, int step)
    {
        await Pending.Done();
        command.File = command.File + step;
        return step;
    }
    public async Task<int> MeasureAsync(UploadCommand command, int step)
    {
        await Pending.Done();
        return command.File.Length + step;
    }
}

""";

    [Fact]
    public async Task LoopHandingEveryIterationOneObjectTheCalleeWrites_IsSilent()
    {
        await VerifyLoopAsync(Enrichers + """

public class Caller(Enricher enricher)
{
    public async Task RunAsync(UploadCommand command, int[] steps)
    {
        var results = new List<int>();
        foreach (var step in steps)
            results.Add(await enricher.EnrichAsync(command, step));
    }
}

""");
    }

    [Fact]
    public async Task LoopHandingEveryIterationOneObjectTheCalleeOnlyReads_IsReported()
    {
        await VerifyLoopAsync(Enrichers + """

public class Caller(Enricher enricher)
{
    public async Task RunAsync(UploadCommand command, int[] steps)
    {
        var results = new List<int>();
        {|#0:foreach|} (var step in steps)
            results.Add({|#1:await enricher.MeasureAsync(command, step)|});
    }
}

""", null, Expect.Loop(0, 1));
    }

    [Fact]
    public async Task CalleesThatCountWithInterlockedOrFillAConcurrentDictionary_AreReported()
    {
        await VerifyLoopAsync("""

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
public class Notifier
{
    private int _sent;
    private readonly ConcurrentDictionary<string, bool> _seen = new();
    public async Task NotifyAsync(string recipient)
    {
        await Pending.Done();
        Interlocked.Increment(ref _sent);
        _seen.TryAdd(recipient, true);
    }
}
public class Campaign(Notifier notifier)
{
    public async Task RunAsync(List<string> recipients)
    {
        {|#0:foreach|} (var recipient in recipients)
            {|#1:await notifier.NotifyAsync(recipient)|};
    }
}

""", null, Expect.Loop(0, 1));
    }

    [Fact]
    public async Task CalleeThatWritesStaticState_IsSilent()
    {
        await VerifyGroupAsync("""

using System.Threading.Tasks;
public class Counter
{
    private static int s_calls;
    public async Task<int> NextAsync(int id) { await Pending.Done(); s_calls++; return id + s_calls; }
}
public class Caller(Counter counter)
{
    public async Task<int> RunAsync()
    {
        var a = await counter.NextAsync(1);
        var b = await counter.NextAsync(2);
        return a + b;
    }
}

""");
    }

    [Fact]
    public async Task LocalFunctionThatWritesACapturedDictionaryAfterItsAwait_IsSilent()
    {
        await VerifyLoopAsync("""

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
public class Graph
{
    public async Task<int> WalkAsync(int[] ids, Func<int, Task<string>> load)
    {
        Dictionary<int, string>? seen = null;
        async Task<string> ResolveAsync(int id)
        {
            var node = await load(id);
            seen ??= new Dictionary<int, string>();
            seen[id] = node;
            return node;
        }

        var names = new List<string>();
        foreach (var id in ids)
            names.Add(await ResolveAsync(id));
        return names.Count;
    }
}

""");
    }

    private const string MetadataSender = """

using System.Threading.Tasks;
namespace Remote
{
    public class Envelope { public string Subject { get; set; } = ""; }
    public sealed record Address(string Value);
    public class Sender
    {
        public Task<int> DeliverAsync(Envelope envelope, string to) => Task.Delay(1).ContinueWith(_ => to.Length);
        public Task<int> DeliverToAsync(Address address, string to) => Task.Delay(1).ContinueWith(_ => to.Length);
    }
}

""";

    [Fact]
    public async Task CalleeNotInSource_WithOneMutableArgumentForEveryIteration_IsSilent()
    {
        var sender = await ReferenceAssembly.CompileAsync(MetadataSender);
        var test = VerifyLoop.Create("""

using System.Collections.Generic;
using System.Threading.Tasks;
public class Caller(Remote.Sender sender)
{
    public async Task RunAsync(Remote.Envelope envelope, List<string> recipients)
    {
        var sent = new List<int>();
        foreach (var to in recipients)
            sent.Add(await sender.DeliverAsync(envelope, to));
    }
}

""");
        test.TestState.AdditionalReferences.Add(sender);
        await test.RunAsync();
    }

    [Fact]
    public async Task CalleeNotInSource_WithImmutableArguments_IsReported()
    {
        var sender = await ReferenceAssembly.CompileAsync(MetadataSender);
        var test = VerifyLoop.Create("""

using System.Collections.Generic;
using System.Threading.Tasks;
public class Caller(Remote.Sender sender)
{
    public async Task RunAsync(Remote.Address address, List<string> recipients)
    {
        var sent = new List<int>();
        {|#0:foreach|} (var to in recipients)
            sent.Add({|#1:await sender.DeliverToAsync(address, to)|});
    }
}

""");
        test.TestState.AdditionalReferences.Add(sender);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoopPostingAnAnonymousObjectPerItem_IsReported()
    {
        await VerifyLoopAsync("""

using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
public class Notifier(HttpClient http)
{
    public async Task NotifyAsync(List<string> recipients, string message)
    {
        {|#0:foreach|} (var recipient in recipients)
            {|#1:await http.PostAsJsonAsync("notify", new { recipient, message })|};
    }
}

""", null, Expect.Loop(0, 1));
    }

    // Ordered pipelines.

    private const string Handlers = """

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
public sealed record Context(string Tenant);
public interface IHandler { Task HandleAsync(Context context); }
public abstract class Check { public abstract Task<bool> RunAsync(Context context); }

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

    // Declared intent.

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

/// <summary>Only one request may be sent to the partner at a time.</summary>
public class Caller(Api api)
{
    public async Task<int> RunAsync(int[] ids)
    {
        var sent = new List<int>();
        foreach (var id in ids)
            sent.Add(await api.SendAsync(id));
        var a = await api.SendAsync(1);
        var b = await api.SendAsync(2);
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

    // Benefit from what can be seen.

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

    // Per-call contexts.

    [Fact]
    public async Task RepositoriesThatOpenAContextPerCallFromIDbContextFactory_AreReported()
    {
        await VerifyWithEntityFrameworkAsync(EfModel + """
public class UserStore(IDbContextFactory<AppDbContext> factory)
{
    public async Task<int> CountAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Users.CountAsync();
    }
}
public class Caller(UserStore first, UserStore second)
{
    public async Task<int> RunAsync()
    {
        var a = {|#0:await|} first.CountAsync();
        {|#1:var b = await second.CountAsync();|}
        return a + b;
    }
}

""", Expect.Group(0, 1));
    }

    [Fact]
    public async Task ServicesThatCreateAScopePerCall_AndDelegateFactories_AreReported()
    {
        await VerifyWithEntityFrameworkAsync(EfModel + """
public class ScopedStore(IServiceScopeFactory scopes)
{
    public async Task<int> CountAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.CountAsync();
    }
}
public class FactoryStore(Func<AppDbContext> create)
{
    public async Task<int> CountAsync()
    {
        using var db = create();
        return await db.Users.CountAsync();
    }
}
public class Caller(ScopedStore scoped, FactoryStore factory)
{
    public async Task<int> RunAsync()
    {
        var a = {|#0:await|} scoped.CountAsync();
        {|#1:var b = await factory.CountAsync();|}
        return a + b;
    }
}

""", Expect.Group(0, 1));
    }

    [Fact]
    public async Task RepositoriesHoldingTheScopedContext_StaySilent()
    {
        await VerifyWithEntityFrameworkAsync(EfModel + """
public class UserStore(AppDbContext db)
{
    public Task<int> CountAsync() => db.Users.CountAsync();
}
public class Caller(UserStore first, UserStore second)
{
    public async Task<int> RunAsync()
    {
        var a = await first.CountAsync();
        var b = await second.CountAsync();
        return a + b;
    }
}

""");
    }

    [Fact]
    public async Task AutoPropertiesAssignedFromStaticMethods_AreReported()
    {
        await VerifyGroupAsync("""

using System.Threading.Tasks;
public class Page
{
    public string Title { get; set; } = "";
    public int Count { get; set; }
    private static async Task<string> LoadTitleAsync() { await Pending.Done(); return "t"; }
    private static async Task<int> CountAsync() { await Pending.Done(); return 1; }
    public async Task LoadAsync()
    {
        Title = {|#0:await|} LoadTitleAsync();
        {|#1:Count = await CountAsync();|}
    }
}

""", Expect.Group(0, 1));
    }
    // Locks named anywhere in a name; delegates, whose callee is unseen.

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

    [Fact]
    public async Task SchedulingVerbsOnASharedReceiver_AreSilent()
    {
        var scheduler = await ReferenceAssembly.CompileAsync("""

using System.Threading.Tasks;
namespace Jobs { public class Scheduler { public Task<bool> UnscheduleJob(string key) => Task.Delay(1).ContinueWith(_ => true); } }

""");
        var test = VerifyLoop.Create("""

using System.Collections.Generic;
using System.Threading.Tasks;
public class Cleanup(Jobs.Scheduler scheduler)
{
    public async Task RunAsync(List<string> keys)
    {
        var removed = new List<bool>();
        foreach (var key in keys)
            removed.Add(await scheduler.UnscheduleJob(key));
    }
}

""");
        test.TestState.AdditionalReferences.Add(scheduler);
        await test.RunAsync();
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
    public async Task AwaitedDelegates_WithoutADataAccessAssembly_AreReported()
    {
        var loop = VerifyLoop.Create(Silent(Mapping, 2, 3));
        loop.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await loop.RunAsync();
        var group = Verify.Create(Silent(Mapping, 0, 1));
        group.ExpectedDiagnostics.Add(Expect.Group(2, 3));
        await group.RunAsync();
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
