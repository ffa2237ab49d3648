using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyGroup = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.4 and §3.10: receiving from a queue takes the message away. Three receives in a row count deliveries
/// one after another; receives on one shared queue in a loop each take the next message. Both are commands on the queue,
/// while peeking at it is a query.
/// </summary>
public partial class IndependenceModelTests
{
    private const string QueueTransport = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        public interface ITransport
        {
            Task<string> ReceiveAsync();
            Task<string> PeekAsync(string queue);
        }
        public sealed class NetworkTransport : ITransport
        {
            public Task<string> ReceiveAsync() => Pending.Result("");
            public Task<string> PeekAsync(string queue) => Pending.Result(queue);
        }

        """;

    [Fact]
    public async Task Commands_ReceivesInARowThroughALocalFunction_AreSilent()
    {
        await VerifyGroupAsync(QueueTransport + """
            public class Caller(ITransport transport)
            {
                public async Task<int> RunAsync()
                {
                    var first = await ReceiveAndMeasure();
                    var second = await ReceiveAndMeasure();
                    return first + second;

                    async Task<int> ReceiveAndMeasure()
                    {
                        var message = await transport.ReceiveAsync();
                        return message.Length;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Commands_PeeksInARowThroughALocalFunction_AreReported()
    {
        await VerifyGroupAsync(QueueTransport + """
            public class Caller(ITransport transport)
            {
                public async Task<int> RunAsync()
                {
                    var first = {|#0:await|} PeekAndMeasure("a");
                    {|#1:var second = await PeekAndMeasure("b");|}
                    return first + second;

                    async Task<int> PeekAndMeasure(string queue)
                    {
                        var message = await transport.PeekAsync(queue);
                        return message.Length;
                    }
                }
            }
            """, Expect.Group(0, 1));
    }

    // A queue client from a referenced assembly: its bodies are not seen, so its names speak for it.
    private const string QueueLibrary = """
        using System.Threading.Tasks;
        namespace Queues;
        public class QueueClient
        {
            public virtual async Task<string> ReceiveAsync(string consumer) => await Pending.Result(consumer);
            public virtual async Task<string> PeekAsync(string queue) => await Pending.Result(queue);
        }
        """;

    private static async Task LoopOverLibraryAsync(string source, params DiagnosticResult[] expected)
    {
        var test = VerifyLoop.Create(source);
        test.TestState.AdditionalReferences.Add(await ReferenceAssembly.CompileAsync(QueueLibrary, name: "Queues"));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task Commands_ALoopReceivingFromOneSharedQueue_IsSilent()
    {
        await LoopOverLibraryAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public class Caller(Queues.QueueClient queue)
            {
                public async Task<List<string>> RunAsync(string[] consumers)
                {
                    var messages = new List<string>();
                    foreach (var consumer in consumers)
                    {
                        messages.Add(await queue.ReceiveAsync(consumer));
                    }
                    return messages;
                }
            }
            """);
    }

    [Fact]
    public async Task Commands_ALoopPeekingPerQueue_IsReported()
    {
        await LoopOverLibraryAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public class Caller(Queues.QueueClient client)
            {
                public async Task<List<string>> RunAsync(string[] queues)
                {
                    var messages = new List<string>();
                    {|#0:foreach|} (var queue in queues)
                    {
                        messages.Add({|#1:await client.PeekAsync(queue)|});
                    }
                    return messages;
                }
            }
            """, Expect.Loop(0, 1));
    }

    private const string Broker = """
        using System.Threading.Tasks;
        public class Broker
        {
            public async Task<string> DeclareExchangeAsync(string name) => await Pending.Result(name);
            public async Task<string> EnsureQueueAsync(string name) => await Pending.Result(name);
        }
        public class Caller(Broker broker)
        {
            public async Task<string> RunAsync()
            {
                var exchange = {|#0:await|} broker.DeclareExchangeAsync("orders");
                {|#1:var delayed = await broker.DeclareExchangeAsync("orders_delayed");|}
                {|#2:var queue = await broker.EnsureQueueAsync("orders_delayed");|}
                return exchange + delayed + queue;
            }
        }
        """;

    [Fact]
    public async Task Commands_DeclaringWhatABrokerHolds_IsSilentByDefault()
    {
        await VerifyGroupAsync(Silent(Broker));
    }

    [Fact]
    public async Task Commands_DeclaringWhatABrokerHolds_IsGroupedWithIncludeCommands()
    {
        var test = VerifyGroup.Create(Broker, "await_analyzers.include_commands = true\n");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1, 2));
        await test.RunAsync();
    }
}
