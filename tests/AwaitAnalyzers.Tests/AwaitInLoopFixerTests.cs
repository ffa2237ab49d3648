using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.CodeFixVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer, AwaitAnalyzers.CodeFixes.Rules.AwaitInLoopFixer>;

namespace AwaitAnalyzers.Tests;

/// <summary>AWAIT002 fix (docs/design.md §4): each shape, its usings, the bounded action, Fix All. Every fixed source compiles.</summary>
public class AwaitInLoopFixerTests
{
    private const string BoundedKey = "AWAIT002.ParallelForEachAsync";

    private const string Services = AwaitInLoopAnalyzerTests.Services;

    private static string InMethod(string body, string usings = "using System.Collections.Generic;\nusing System.Threading.Tasks;\n", string parameters = "Service service, int[] ids")
        => usings + Services + $$"""

        public class Caller
        {
            public async Task RunAsync({{parameters}})
            {
        {{body}}
            }
        }

        """;

    /// <summary>netstandard2.0 has no ValueTask without a package.</summary>
    private static string WithoutValueTask(string source) => source.Replace("public ValueTask<int> ScoreAsync(int id) => new ValueTask<int>(Pending.Result<int>(id));", string.Empty);

    /// <summary>The fix of a source whose loops are marked <c>{|#n:foreach|}</c>, expecting <paramref name="expected"/>.</summary>
    private static Task VerifyAsync(DiagnosticResult[] expected, string source, string fixedSource)
    {
        var test = Verify.Create(source, fixedSource);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private const string WithLinq = "using System.Collections.Generic;\nusing System.Linq;\nusing System.Threading.Tasks;\n";

    [Fact]
    public async Task SingleAwait_BecomesWhenAllOverSelect_AndImportsLinq()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    {|#0:foreach|} (var id in ids)
                        {|#1:await service.ProcessAsync(id)|};

            """),
            InMethod("""

                    await Task.WhenAll(ids.Select(id => service.ProcessAsync(id)));

            """, WithLinq));
    }

    [Fact]
    public async Task CommentsBetweenTheLoopsTokens_AreKeptAboveTheStatement()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    {|#0:foreach|} (var id in ids) // every id
                        /* once */ {|#1:await service.ProcessAsync(id /* the id */)|}; // processed

            """),
            InMethod("""

                    // every id
                    /* once */
                    await Task.WhenAll(ids.Select(id => service.ProcessAsync(id /* the id */))); // processed

            """, WithLinq));
    }

    [Fact]
    public async Task MultiStatementBody_BecomesAnAsyncLambda_KeepingComments()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    // notify everyone
                    {|#0:foreach|} (var id in ids)
                    {
                        // map first
                        var dto = Service.Map(id);
                        {|#1:await service.SendAsync(dto)|}; // then send
                    }

            """),
            InMethod("""

                    // notify everyone
                    await Task.WhenAll(ids.Select(async id =>
                    {
                        // map first
                        var dto = Service.Map(id);
                        await service.SendAsync(dto); // then send
                    }));

            """, WithLinq));
    }

    [Fact]
    public async Task EmbeddedStatementBody_GetsABlockInTheAsyncLambda()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    {|#0:foreach|} (var id in ids)
                        if (id > 0)
                            {|#1:await service.ProcessAsync(id)|};

            """),
            InMethod("""

                    await Task.WhenAll(ids.Select(async id =>
                    {
                        if (id > 0)
                            await service.ProcessAsync(id);
                    }));

            """, WithLinq));
    }

    [Fact]
    public async Task BodyWithTwoAwaits_BecomesOneAsyncLambda()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1, 2) },
            InMethod("""

                    {|#0:foreach|} (var id in ids)
                    {
                        var user = {|#1:await service.GetUserAsync(id)|};
                        {|#2:await service.CountAsync(user)|};
                    }

            """, WithLinq),
            InMethod("""

                    await Task.WhenAll(ids.Select(async id =>
                    {
                        var user = await service.GetUserAsync(id);
                        await service.CountAsync(user);
                    }));

            """, WithLinq));
    }

    [Theory]
    [InlineData("users.Add({|#1:await service.GetUserAsync(id)|});")]
    [InlineData("{ var user = {|#1:await service.GetUserAsync(id)|}; users.Add(user); }")]
    public async Task AccumulationShape_BecomesAddRange_InInputOrder(string body)
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod($$"""

                    var users = new List<User>();
                    {|#0:foreach|} (var id in ids)
                        {{body}}

            """, WithLinq),
            InMethod("""

                    var users = new List<User>();
                    users.AddRange(await Task.WhenAll(ids.Select(id => service.GetUserAsync(id))));

            """, WithLinq));
    }

    [Fact]
    public async Task AccumulationAfterOtherStatements_ReturnsTheValueFromAnAsyncLambda()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1, 2) },
            InMethod("""

                    var counts = new List<int>();
                    {|#0:foreach|} (var id in ids)
                    {
                        var user = {|#1:await service.GetUserAsync(id)|};
                        counts.Add({|#2:await service.CountAsync(user)|});
                    }

            """, WithLinq),
            InMethod("""

                    var counts = new List<int>();
                    counts.AddRange(await Task.WhenAll(ids.Select(async id =>
                    {
                        var user = await service.GetUserAsync(id);
                        return await service.CountAsync(user);
                    })));

            """, WithLinq));
    }

    [Fact]
    public async Task AddOfAValueComputedFromAnAwait_BecomesAnExpressionBodiedAsyncLambda()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    var counts = new List<string>();
                    {|#0:foreach|} (var id in ids)
                        counts.Add(({|#1:await service.ScoreAsync(id)|}).ToString());

            """, WithLinq),
            InMethod("""

                    var counts = new List<string>();
                    counts.AddRange(await Task.WhenAll(ids.Select(async id => (await service.ScoreAsync(id)).ToString())));

            """, WithLinq));
    }

    [Fact]
    public async Task AccumulationIntoICollection_AddsEachResultAfterWhenAll()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    ICollection<User> users = new List<User>();
                    {|#0:foreach|} (var id in ids)
                        users.Add({|#1:await service.GetUserAsync(id)|});

            """, WithLinq),
            InMethod("""

                    ICollection<User> users = new List<User>();
                    foreach (var result in await Task.WhenAll(ids.Select(id => service.GetUserAsync(id))))
                        users.Add(result);

            """, WithLinq));
    }

    [Fact]
    public async Task AccumulationWithAWideningConversion_AddsEachResult()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    var scores = new List<long>();
                    {|#0:foreach|} (var id in ids)
                        scores.Add({|#1:await service.ScoreAsync(id)|});

            """, WithLinq),
            InMethod("""

                    var scores = new List<long>();
                    foreach (var result in await Task.WhenAll(ids.Select(id => service.ScoreAsync(id).AsTask())))
                        scores.Add(result);

            """, WithLinq));
    }

    [Fact]
    public async Task CountingFor_IteratesTheElementsOrEnumerableRange()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1), Expect.Loop(2, 3) },
            InMethod("""

                    {|#0:for|} (int i = 0; i < ids.Length; i++)
                        {|#1:await service.ProcessAsync(ids[i])|};
                    {|#2:for|} (int i = 1; i < ids.Length; i++)
                        {|#3:await service.ProcessAsync(ids[i] + i)|};

            """, WithLinq),
            InMethod("""

                    await Task.WhenAll(ids.Select(id => service.ProcessAsync(id)));
                    await Task.WhenAll(Enumerable.Range(1, ids.Length - 1).Select(i => service.ProcessAsync(ids[i] + i)));

            """, WithLinq));
    }

    [Fact]
    public async Task ConfigureAwait_MovesToWhenAll_AndValueTaskBecomesAsTask()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    {|#0:foreach|} (var id in ids)
                        {|#1:await service.ScoreAsync(id).ConfigureAwait(false)|};

            """, WithLinq),
            InMethod("""

                    await Task.WhenAll(ids.Select(id => service.ScoreAsync(id).AsTask())).ConfigureAwait(false);

            """, WithLinq));
    }

    [Fact]
    public async Task ExplicitReferenceConversion_IteratesCast()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    {|#0:foreach|} (User user in items)
                        {|#1:await service.CountAsync(user)|};

            """, WithLinq, "Service service, object[] items"),
            InMethod("""

                    await Task.WhenAll(items.Cast<User>().Select(user => service.CountAsync(user)));

            """, WithLinq, "Service service, object[] items"));
    }

    [Fact]
    public async Task NonGenericCollection_IteratesCastToTheVariablesType()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    {|#0:foreach|} (var item in items)
                        {|#1:await service.CountAsync((User)item)|};

            """, WithLinq, "Service service, System.Collections.ArrayList items"),
            InMethod("""

                    await Task.WhenAll(items.Cast<object>().Select(item => service.CountAsync((User)item)));

            """, WithLinq, "Service service, System.Collections.ArrayList items"));
    }

    [Fact]
    public async Task MultiStatementBodyWithConfigureAwait_KeepsItInsideAndOnWhenAll()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1) },
            InMethod("""

                    {|#0:foreach|} (var id in ids)
                    {
                        var dto = Service.Map(id);
                        {|#1:await service.SendAsync(dto).ConfigureAwait(false)|};
                    }

            """, WithLinq),
            InMethod("""

                    await Task.WhenAll(ids.Select(async id =>
                    {
                        var dto = Service.Map(id);
                        await service.SendAsync(dto).ConfigureAwait(false);
                    })).ConfigureAwait(false);

            """, WithLinq));
    }

    [Fact]
    public async Task LoopInTopLevelStatements_IsFixedThere()
    {
        var test = Verify.Create(
            """
            using System.Threading.Tasks;

            var service = new Service();
            var ids = new[] { 1, 2, 3 };
            {|#0:foreach|} (var id in ids)
                {|#1:await service.ProcessAsync(id)|};

            """ + Services,
            """
            using System.Linq;
            using System.Threading.Tasks;

            var service = new Service();
            var ids = new[] { 1, 2, 3 };
            await Task.WhenAll(ids.Select(id => service.ProcessAsync(id)));

            """ + Services);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task LinqImportedByAGlobalUsing_IsNotAddedAgain()
    {
        var test = Verify.Create(
            InMethod("""

                    {|#0:foreach|} (var id in ids)
                        {|#1:await service.ProcessAsync(id)|};

            """),
            InMethod("""

                    await Task.WhenAll(ids.Select(id => service.ProcessAsync(id)));

            """));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.TestState.Sources.Add(("/Usings.cs", "global using System.Linq;\n"));
        test.FixedState.Sources.Add(("/Usings.cs", "global using System.Linq;\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task BoundedAction_UsesParallelForEachAsync_WithTheDefaultDegree()
    {
        var test = Verify.Create(
            InMethod("""

                    {|#0:foreach|} (var id in ids)
                        {|#1:await service.ProcessAsync(id)|};

            """),
            InMethod("""

                    await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) => await service.ProcessAsync(id));

            """));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.CodeActionIndex = 1;
        test.CodeActionEquivalenceKey = BoundedKey;
        await test.RunAsync();
    }

    [Fact]
    public async Task BoundedAction_TakesTheDegreeFromTheOption_AndKeepsAMultiStatementBody()
    {
        var test = Verify.Create(
            InMethod("""

                    {|#0:for|} (int i = 0; i < ids.Length; i++)
                    {
                        var dto = Service.Map(ids[i]);
                        {|#1:await service.SendAsync(dto)|};
                    }

            """, parameters: "Service service, int[] ids, System.Threading.CancellationToken ct"),
            InMethod("""

                    await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct2) =>
                    {
                        var dto = Service.Map(id);
                        await service.SendAsync(dto);
                    });

            """, parameters: "Service service, int[] ids, System.Threading.CancellationToken ct"),
            editorConfig: "await_analyzers.max_degree_of_parallelism = 4\n");
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.CodeActionIndex = 1;
        test.CodeActionEquivalenceKey = BoundedKey;
        await test.RunAsync();
    }

    [Fact]
    public async Task BoundedAction_IsAbsentForAnAccumulation()
    {
        var source = InMethod("""

                var users = new List<User>();
                {|#0:foreach|} (var id in ids)
                    users.Add({|#1:await service.GetUserAsync(id)|});

        """, WithLinq);
        var test = Verify.Create(source, source);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.CodeActionIndex = null;
        test.CodeActionEquivalenceKey = BoundedKey;
        await test.RunAsync();
    }

    [Fact]
    public async Task BoundedAction_IsAbsentOnNetStandard20()
    {
        var source = WithoutValueTask(InMethod("""

                {|#0:foreach|} (var id in ids)
                    {|#1:await service.ProcessAsync(id)|};

        """));
        var test = Verify.Create(source, source);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.ReferenceAssemblies = References.NetStandard20;
        test.CodeActionIndex = null;
        test.CodeActionEquivalenceKey = BoundedKey;
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAllAction_IsOfferedOnNetStandard20()
    {
        var test = Verify.Create(
            WithoutValueTask(InMethod("""

                    {|#0:foreach|} (var id in ids)
                        {|#1:await service.ProcessAsync(id)|};

            """)),
            WithoutValueTask(InMethod("""

                    await Task.WhenAll(ids.Select(id => service.ProcessAsync(id)));

            """, WithLinq)));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.ReferenceAssemblies = References.NetStandard20;
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_RewritesEveryLoopOfTheDocument_AndAddsOneUsing()
    {
        await VerifyAsync(
            new[] { Expect.Loop(0, 1), Expect.Loop(2, 3) },
            InMethod("""

                    {|#0:foreach|} (var id in ids)
                        {|#1:await service.ProcessAsync(id)|};
                    {|#2:foreach|} (var id in ids)
                        {|#3:await service.ProcessAsync(id + 1)|};

            """),
            InMethod("""

                    await Task.WhenAll(ids.Select(id => service.ProcessAsync(id)));
                    await Task.WhenAll(ids.Select(id => service.ProcessAsync(id + 1)));

            """, WithLinq));
    }

    [Fact]
    public async Task NestedLoops_OuterIsFixedFirst_ThenTheInnerOneInItsLambda()
    {
        var test = Verify.Create(
            InMethod("""

                    {|#0:foreach|} (var row in rows)
                    {
                        foreach (var id in row)
                            {|#1:await service.ProcessAsync(id)|};
                    }

            """, WithLinq, "Service service, int[][] rows"),
            InMethod("""

                    await Task.WhenAll(rows.Select(async row =>
                    {
                        await Task.WhenAll(row.Select(id => service.ProcessAsync(id)));
                    }));

            """, WithLinq, "Service service, int[][] rows"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 2;
        await test.RunAsync();
    }
}
