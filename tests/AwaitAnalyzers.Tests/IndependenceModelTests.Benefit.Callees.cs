using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.5 and §3.10, benefit read from callee bodies: a member that hands on the task of another callee in
/// source completes the way that callee does (a server's status methods returning a manager's <c>Task.FromResult</c>
/// snapshot), and a helper whose every await waits for a task it was given starts nothing of its own. The same shapes over
/// callees that really wait are reported.
/// </summary>
public partial class IndependenceModelTests
{
    private const string StatusServer = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        public class SessionManager
        {
            private readonly List<string> _clients = new();
            public Task<IList<string>> ClientsSnapshot()
            {
                var copy = new List<string>();
                lock (_clients) { copy.AddRange(_clients); }
                return Task.FromResult<IList<string>>(copy);
            }
            public Task<int> SessionCount() => Task.FromResult(_clients.Count);
            public async Task<IList<string>> ClientsFromStorage() => new List<string> { await Pending.Result("c") };
            public async Task<int> SessionsFromStorage() => await Pending.Result(1);
        }
        public class Server
        {
            private readonly SessionManager _sessions = new();
            private bool _started = true;
            public Task<IList<string>> GetClientsAsync()
            {
                if (!_started) throw new System.InvalidOperationException();
                return _sessions.ClientsSnapshot();
            }
            public Task<int> GetSessionCountAsync() => _sessions.SessionCount();
            public Task<IList<string>> LoadClientsAsync() => _sessions.ClientsFromStorage();
            public Task<int> LoadSessionCountAsync() => _sessions.SessionsFromStorage();
        }

        """;

    [Fact]
    public async Task Benefit_MembersHandingOnACompletedTaskFromACalleeInSource_AreSilent()
    {
        await VerifyGroupAsync(StatusServer + """
            public class Caller(Server server)
            {
                public async Task<int> RunAsync()
                {
                    var clients = await server.GetClientsAsync();
                    var sessions = await server.GetSessionCountAsync();
                    return clients.Count + sessions;
                }
            }
            """);
    }

    [Fact]
    public async Task Benefit_MembersHandingOnATaskThatWaits_AreReported()
    {
        await VerifyGroupAsync(StatusServer + """
            public class Caller(Server server)
            {
                public async Task<int> RunAsync()
                {
                    var clients = {|#0:await|} server.LoadClientsAsync();
                    {|#1:var sessions = await server.LoadSessionCountAsync();|}
                    return clients.Count + sessions;
                }
            }
            """, Expect.Group(0, 1));
    }

    [Fact]
    public async Task Benefit_ALoopOverAMemberHandingOnACompletedTask_IsSilent()
    {
        await VerifyLoopAsync(StatusServer + """
            public class Caller
            {
                public async Task<int> RunAsync(Server[] servers)
                {
                    var total = 0;
                    foreach (var server in servers)
                    {
                        var count = await server.GetSessionCountAsync();
                        System.Console.WriteLine(count);
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task Benefit_ALoopOverAMemberHandingOnATaskThatWaits_IsReported()
    {
        await VerifyLoopAsync(StatusServer + """
            public class Caller
            {
                public async Task<int> RunAsync(Server[] servers)
                {
                    var total = 0;
                    {|#0:foreach|} (var server in servers)
                    {
                        var count = {|#1:await server.LoadSessionCountAsync()|};
                        System.Console.WriteLine(count);
                    }
                    return total;
                }
            }
            """, null, Expect.Loop(0, 1));
    }

    // Waiting for work already started: helpers that only await the tasks they are given.

    private const string ReadyHelpers = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        public static class Ready
        {
            public static async Task<int[]> AllAsync(Task<int>[] pending)
            {
                foreach (var task in pending)
                    await task.ConfigureAwait(false);
                return await Task.WhenAll(pending).ConfigureAwait(false);
            }
            public static async Task<int> OneAsync(Task<int> pending) => await pending;
            public static async Task<int> ThenLoadAsync(Task<int> pending)
            {
                var first = await pending;
                return first + await Pending.Result(1);
            }
            public static async Task<int> SumAsync(IAsyncEnumerable<int> items)
            {
                var total = 0;
                await foreach (var item in items)
                    total += item;
                return total;
            }
        }

        """;

    [Fact]
    public async Task Benefit_HelpersThatOnlyAwaitTheTasksTheyAreGiven_AreSilent()
    {
        await VerifyGroupAsync(ReadyHelpers + """
            public class Caller
            {
                public async Task<int> RunAsync(Task<int>[] endpoints, Task<int>[] riders, Task<int> last)
                {
                    var a = await Ready.AllAsync(endpoints);
                    var b = await Ready.AllAsync(riders);
                    var c = await Ready.OneAsync(last);
                    return a.Length + b.Length + c;
                }
            }
            """);
    }

    [Fact]
    public async Task Benefit_HelpersThatStartWorkOfTheirOwn_AreReported()
    {
        // Enumerating a stream waits for its items, and a helper that loads after the given task starts work of its own.
        await VerifyGroupAsync(ReadyHelpers + """
            public class Caller
            {
                public async Task<int> RunAsync(Task<int> first, Task<int> second, IAsyncEnumerable<int> left, IAsyncEnumerable<int> right)
                {
                    var a = {|#0:await|} Ready.ThenLoadAsync(first);
                    {|#1:var b = await Ready.ThenLoadAsync(second);|}
                    {|#2:var c = await Ready.SumAsync(left);|}
                    {|#3:var d = await Ready.SumAsync(right);|}
                    return a + b + c + d;
                }
            }
            """, Expect.Group(0, 1, 2, 3));
    }

    [Fact]
    public async Task Benefit_ALoopOverAHelperThatOnlyAwaitsTheGivenTask_IsSilent()
    {
        await VerifyLoopAsync(ReadyHelpers + """
            public class Caller
            {
                public async Task<List<int>> RunAsync(List<Task<int>> started)
                {
                    var results = new List<int>();
                    foreach (var task in started)
                        results.Add(await Ready.OneAsync(task));
                    return results;
                }
            }
            """);
    }

    // Awaiting only what completes at once: a logger whose async steps each return Task.FromResult.

    private const string Telemetry = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        public class TelemetryLogger
        {
            private readonly List<string> _events = new();
            protected virtual Task<Dictionary<string, string>> FillPropertiesAsync(string activity)
                => Task.FromResult(new Dictionary<string, string> { ["activity"] = activity });
            public virtual async Task OnSentAsync(string activity)
            {
                var properties = await FillPropertiesAsync(activity).ConfigureAwait(false);
                _events.Add(properties["activity"]);
            }
            public virtual async Task OnSentRemotelyAsync(string activity)
            {
                var properties = await FillPropertiesAsync(activity).ConfigureAwait(false);
                await Pending.Result(properties.Count);
            }
        }

        """;

    [Fact]
    public async Task Benefit_ALoopOverACalleeThatOnlyAwaitsCompletedTasks_IsSilent()
    {
        await VerifyLoopAsync(Telemetry + """
            public class Caller
            {
                public async Task RunAsync(TelemetryLogger[] loggers, string activity)
                {
                    foreach (var logger in loggers)
                        await logger.OnSentAsync(activity);
                }
            }
            """);
    }

    [Fact]
    public async Task Benefit_ALoopOverACalleeThatAlsoAwaitsRealWork_IsReported()
    {
        await VerifyLoopAsync(Telemetry + """
            public class Caller
            {
                public async Task RunAsync(TelemetryLogger[] loggers, string activity)
                {
                    {|#0:foreach|} (var logger in loggers)
                        {|#1:await logger.OnSentRemotelyAsync(activity)|};
                }
            }
            """, null, Expect.Loop(0, 1));
    }

    // Recursion: a tree hashed left then right, whose leaves are in memory or behind real storage.

    private const string Tree = """
        using System.Threading.Tasks;
        public class Node { public Node? Left; public Node? Right; public int Value; }
        public class Hasher
        {
            public async Task<int> HashAsync(Node? node)
            {
                if (node is null) return 0;
                if (node.Left is null && node.Right is null) return node.Value;
                var left = await HashAsync(node.Left);
                var right = await HashAsync(node.Right);
                return left * 31 + right;
            }
            public async Task<int> HashStoredAsync(Node? node)
            {
                if (node is null) return 0;
                if (node.Left is null && node.Right is null) return await Pending.Result(node.Value);
                return await HashStoredAsync(node.Left) * 31 + await HashStoredAsync(node.Right);
            }
        }

        """;

    [Fact]
    public async Task Benefit_ARecursionWhoseOnlyAwaitsAreOfItself_StartsNothing()
    {
        await VerifyGroupAsync(Tree + """
            public class Caller(Hasher hasher)
            {
                public async Task<int> RunAsync(Node a, Node b)
                {
                    var first = await hasher.HashAsync(a);
                    var second = await hasher.HashAsync(b);
                    return first + second;
                }
            }
            """);
    }

    [Fact]
    public async Task Benefit_ARecursionThatAwaitsStorage_IsReported()
    {
        await VerifyGroupAsync(Tree + """
            public class Caller(Hasher hasher)
            {
                public async Task<int> RunAsync(Node a, Node b)
                {
                    var first = {|#0:await|} hasher.HashStoredAsync(a);
                    {|#1:var second = await hasher.HashStoredAsync(b);|}
                    return first + second;
                }
            }
            """, Expect.Group(0, 1));
    }

    /// <summary>Version lookups memoised in fields: a started task, a lazily started one, and the call that really waits.</summary>
    private const string MemoisedLookups = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        public sealed class ClusterInfo(HttpClient http)
        {
            private readonly Task<string> _version = http.GetStringAsync("/version");
            private readonly Lazy<Task<string>> _features = new(() => http.GetStringAsync("/features"));
            public async Task<string> GetVersionAsync() => await _version;
            public async Task<string> GetFeaturesAsync() => await _features.Value.ConfigureAwait(false);
            public async Task<string> FetchFeaturesAsync() => await http.GetStringAsync("/features");
        }

        """;

    /// <param name="memoised">A member whose only await is of a task held in a field, or of a lazy one.</param>
    [Theory]
    [InlineData("GetVersionAsync")]
    [InlineData("GetFeaturesAsync")]
    public async Task Benefit_AMemberAwaitingOnlyATaskHeldInAField_StartsNothing(string memoised)
    {
        await VerifyGroupAsync(MemoisedLookups + $$"""
            public class ImageResolver(ClusterInfo cluster, HttpClient http)
            {
                public async Task<string> ResolveAsync()
                {
                    var held = await cluster.{{memoised}}();
                    var metadata = await http.GetStringAsync("/metadata");
                    return held + metadata;
                }
            }
            """);
    }

    [Fact]
    public async Task Benefit_AMemberThatStartsItsOwnRequestBesideAnother_IsReported()
    {
        await VerifyGroupAsync(MemoisedLookups + """
            public class ImageResolver(ClusterInfo cluster, HttpClient http)
            {
                public async Task<string> ResolveAsync()
                {
                    var features = {|#0:await|} cluster.FetchFeaturesAsync();
                    {|#1:var metadata = await http.GetStringAsync("/metadata");|}
                    return features + metadata;
                }
            }
            """, Expect.Group(0, 1));
    }

    [Fact]
    public async Task Benefit_ACalleeThatOnlyYieldsToTheScheduler_StartsNothing()
    {
        await VerifyGroupAsync("""
            using System.Net.Http;
            using System.Threading.Tasks;
            public sealed class Formatter
            {
                public async Task<string> FormatAsync(string text)
                {
                    await Task.Yield();
                    return text.ToUpperInvariant();
                }
            }
            public class Page(Formatter formatter, HttpClient http)
            {
                public async Task<string> RenderAsync(string title)
                {
                    var heading = await formatter.FormatAsync(title);
                    var body = await http.GetStringAsync("/body");
                    return heading + body;
                }
            }
            """);
    }

    /// <summary>Loads in flight, kept as lazily started tasks, and a helper that waits for one with a token.</summary>
    private const string InFlight = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        public static class InFlight
        {
            public static async Task<string> WaitForAsync(Lazy<Task<string>> load, CancellationToken token)
                => await load.Value.WaitAsync(token);
            public static async Task<string> LoadAsync(string key, CancellationToken token)
                => await Pending.Result(key).WaitAsync(token);
        }

        """;

    [Fact]
    public async Task Benefit_ALoopWaitingForLoadsAlreadyInFlight_IsSilent()
    {
        await VerifyLoopAsync(InFlight + SilentLoopOver(
            "System.Threading.CancellationToken token", "await InFlight.WaitForAsync(load, token)", "Lazy<Task<string>>[] loads", "load"));
    }

    [Fact]
    public async Task Benefit_ALoopStartingALoadPerItemAndWaitingWithAToken_IsReported()
    {
        await VerifyLoopAsync(
            InFlight + LoopOver("System.Threading.CancellationToken token", "await InFlight.LoadAsync(key, token)", "string[] keys", "key"),
            null,
            Expect.Loop(0, 1));
    }
}
