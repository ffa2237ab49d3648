using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.5 and §3.10: a member that hands on the task of another callee in source completes the way that
/// callee does. A server's status methods that check a flag and return a manager's <c>Task.FromResult</c> snapshot are not
/// worth overlapping; the same shape over a callee that really waits is.
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
}
