using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.CodeFixVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer, AwaitAnalyzers.CodeFixes.Rules.AwaitInLoopFixer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// AWAIT002's fix output as a reviewer would write it (docs/design.md §4): elements rather than indexes, no
/// <c>async x => await F(x)</c> wrappers, and the method's cancellation token where the bounded action belongs.
/// </summary>
public class AwaitInLoopFixerOutputTests
{
    private const string BoundedKey = "AWAIT002.ParallelForEachAsync";

    private const string Services = """
        public class Order { public int Id { get; set; } }
        public class Shipping
        {
            public Task<decimal> QuoteAsync(Order order, CancellationToken token = default) => Pending.Result(1m);
            public Task ShipAsync(Order order, CancellationToken token) => Pending.Done();
        }
        """;

    private static string InMethod(string body, string usings = "")
        => $$"""
        using System.Collections.Generic;
        {{usings}}using System.Threading;
        using System.Threading.Tasks;

        {{Services}}

        public class Caller
        {
            public async Task RunAsync(Shipping shipping, Order[] orders, List<Order> pending, CancellationToken cancellationToken)
            {
                {{body.Replace("\n", "\n        ")}}
            }
        }
        """;

    private const string Linq = "using System.Linq;\n";

    private static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null)
    {
        var test = Verify.Create(source, fixedSource);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        if (equivalenceKey is not null)
        {
            test.CodeActionIndex = 1;
            test.CodeActionEquivalenceKey = equivalenceKey;
        }

        return test.RunAsync();
    }

    [Fact]
    public async Task CountingForOverAnArray_ThatOnlyReadsItsElements_SelectsTheElements()
    {
        await VerifyAsync(
            InMethod("""
                {|#0:for|} (var i = 0; i < orders.Length; i++)
                    {|#1:await shipping.ShipAsync(orders[i], cancellationToken)|};
                """),
            InMethod("""
                await Task.WhenAll(orders.Select(order => shipping.ShipAsync(order, cancellationToken)));
                """, Linq));
    }

    [Fact]
    public async Task CountingForOverAList_WithAnAccumulation_SelectsTheElements()
    {
        await VerifyAsync(
            InMethod("""
                var quotes = new List<decimal>();
                {|#0:for|} (int i = 0; i < pending.Count; i++)
                {
                    var quote = {|#1:await shipping.QuoteAsync(pending[i])|};
                    quotes.Add(quote);
                }
                """),
            InMethod("""
                var quotes = new List<decimal>();
                quotes.AddRange(await Task.WhenAll(pending.Select(order => shipping.QuoteAsync(order))));
                """, Linq));
    }

    [Fact]
    public async Task CountingForThatUsesItsCounter_KeepsEnumerableRange()
    {
        await VerifyAsync(
            InMethod("""
                {|#0:for|} (var i = 0; i < orders.Length; i++)
                {
                    var order = new Order { Id = orders[i].Id + i };
                    {|#1:await shipping.ShipAsync(order, cancellationToken)|};
                }
                """),
            InMethod("""
                await Task.WhenAll(Enumerable.Range(0, orders.Length).Select(async i =>
                {
                    var order = new Order { Id = orders[i].Id + i };
                    await shipping.ShipAsync(order, cancellationToken);
                }));
                """, Linq));
    }

    [Fact]
    public async Task ResultDeclaredThenAddedWithConfigureAwait_IsNoAsyncWrapper()
    {
        await VerifyAsync(
            InMethod("""
                var quotes = new List<decimal>();
                {|#0:foreach|} (var order in orders)
                {
                    var quote = {|#1:await shipping.QuoteAsync(order).ConfigureAwait(false)|};
                    quotes.Add(quote);
                }
                """),
            InMethod("""
                var quotes = new List<decimal>();
                quotes.AddRange(await Task.WhenAll(orders.Select(order => shipping.QuoteAsync(order))).ConfigureAwait(false));
                """, Linq));
    }

    [Fact]
    public async Task BoundedAction_PassesTheMethodsToken_AndUsesTheLambdasInside()
    {
        await VerifyAsync(
            InMethod("""
                {|#0:foreach|} (var order in orders)
                    {|#1:await shipping.ShipAsync(order, cancellationToken)|};
                """),
            InMethod("""
                await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (order, ct) => await shipping.ShipAsync(order, ct));
                """),
            BoundedKey);
    }

    [Fact]
    public async Task BoundedAction_WithoutTheMethodsToken_SetsNone()
    {
        await VerifyAsync(
            InMethod("""
                {|#0:foreach|} (var order in orders)
                    {|#1:await shipping.QuoteAsync(order)|};
                """),
            InMethod("""
                await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (order, ct) => await shipping.QuoteAsync(order));
                """),
            BoundedKey);
    }
}
