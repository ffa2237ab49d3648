using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.10 What callees write: effect summaries of callees in source (their own instance, a shared argument,
/// static or captured state), arguments of callees not in source, and per-call contexts.
/// </summary>
public partial class IndependenceModelTests
{
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

    // Callees not in source: judged by their arguments.

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

    /// <summary>A command runner in source: one step runs a process in a working directory, the other asks a build server.</summary>
    private const string Runner = """
        using System.Diagnostics;
        using System.Net.Http;
        using System.Threading.Tasks;
        public sealed class Runner(HttpClient http)
        {
            public async Task<int> GetExitCodeAsync(string command, string directory)
            {
                using var process = new Process { StartInfo = new ProcessStartInfo("sh", "-c \"" + command + "\"") { WorkingDirectory = directory } };
                process.Start();
                await process.WaitForExitAsync();
                return process.ExitCode;
            }
            public async Task<int> QueueAsync(string command, string directory)
            {
                var response = await http.PostAsync("/queue?cmd=" + command + "&dir=" + directory, null);
                return (int)response.StatusCode;
            }
        }

        """;

    [Fact]
    public async Task LoopCallingACalleeThatStartsAProcess_IsSilent()
    {
        await VerifyLoopAsync(Runner + SilentLoopOver("Runner runner", "await runner.GetExitCodeAsync(command, \"clone\")", "string[] commands", "command"));
    }

    [Fact]
    public async Task LoopCallingTheSameShapeOverTheNetwork_IsReported()
    {
        await VerifyLoopAsync(
            Runner + LoopOver("Runner runner", "await runner.QueueAsync(command, \"clone\")", "string[] commands", "command"),
            null,
            Expect.Loop(0, 1));
    }

    [Fact]
    public async Task TwoCallsOfACalleeThatStartsAProcess_AreSilent()
    {
        await VerifyGroupAsync(Runner + """
            public class Build(Runner runner)
            {
                public async Task<int> RunAsync(string directory)
                {
                    var restored = await runner.GetExitCodeAsync("restore", directory);
                    var built = await runner.GetExitCodeAsync("build", directory);
                    return restored + built;
                }
            }
            """);
    }
}
