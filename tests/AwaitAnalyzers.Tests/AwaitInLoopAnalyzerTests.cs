using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §2 AWAIT002: which loops are reported, and where; the loop shapes that stay silent (§3.9). The tests of
/// iteration independence (§3 in a loop) are in AwaitInLoopAnalyzerTests.Iterations.cs.
/// </summary>
public partial class AwaitInLoopAnalyzerTests
{
    /// <summary>The services the loop tests call (shared with AwaitInLoopFixerTests).</summary>
    internal const string Services = """

public class User { }
public class Dto { }
public class Service
{
    public Task<User> GetUserAsync(int id) => Pending.Result(new User());
    public Task ProcessAsync(int id) => Pending.Done();
    public Task SendAsync(Dto dto) => Pending.Done();
    public Task<int> CountAsync(User user) => Pending.Result(1);
    public ValueTask<int> ScoreAsync(int id) => new ValueTask<int>(Pending.Result<int>(id));
    public Task PingAsync() => Pending.Done();
    public static Dto Map(int id) => new Dto();
}
public class Repository
{
    private readonly System.Data.Common.DbConnection _connection;
    public Repository(System.Data.Common.DbConnection connection) => _connection = connection;
    public Task<User> FindAsync(int id) => Pending.Result(new User());
}

""";

    private static readonly CallerSource Caller = new($$"""

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
{{Services}}
""")
    {
        Parameters = "Service service, int[] ids",
    };

    [Fact]
    public async Task ForEachAwaitingEachItem_IsReported()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:foreach|} (var id in ids)
            {|#1:await service.ProcessAsync(id)|};
"""));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task AwaitThroughALocalComputedFromTheItem_IsReported()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:foreach|} (var id in ids)
        {
            var dto = Service.Map(id);
            {|#1:await service.SendAsync(dto)|};
        }
"""));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task BodyWithTwoAwaits_HasBothAsAdditionalLocations()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:foreach|} (var id in ids)
        {
            var user = {|#1:await service.GetUserAsync(id)|};
            var count = {|#2:await service.CountAsync(user)|};
            var doubled = count * 2;
        }
"""));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1, 2));
        await test.RunAsync();
    }

    [Fact]
    public async Task CountingFor_IsReported()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:for|} (int i = 0; i < ids.Length; i++)
            {|#1:await service.ProcessAsync(ids[i])|};
"""));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task AccumulationIntoALocalList_IsReported()
    {
        var test = Verify.Create(Caller.Method("""
        var users = new List<User>();
        {|#0:foreach|} (var id in ids)
            users.Add({|#1:await service.GetUserAsync(id)|});
        Console.WriteLine(users.Count);
"""));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ResultDeclaredThenAdded_IsReported()
    {
        var test = Verify.Create(Caller.Method("""
        ICollection<User> users = new List<User>();
        {|#0:foreach|} (var id in ids)
        {
            var user = {|#1:await service.GetUserAsync(id)|};
            users.Add(user);
        }
"""));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConfigureAwaitAndValueTask_AreReported()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:foreach|} (var id in ids)
            {|#1:await service.ScoreAsync(id).ConfigureAwait(false)|};
"""));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task BreakInsideANestedSwitch_DoesNotLeaveTheLoop()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:foreach|} (var id in ids)
        {
            switch (id)
            {
                case 0:
                    break;
                default:
                    {|#1:await service.ProcessAsync(id)|};
                    break;
            }
        }
"""));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoopInAsyncLambdaAndLocalFunction_AreReported()
    {
        var test = Verify.Create(Caller.Method("""
        Func<Task> run = async () =>
        {
            {|#0:foreach|} (var id in ids)
                {|#1:await service.ProcessAsync(id)|};
        };
        await run();
        await Local();

        async Task Local()
        {
            {|#2:foreach|} (var id in ids)
                {|#3:await service.ProcessAsync(id)|};
        }
"""));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.ExpectedDiagnostics.Add(Expect.Loop(2, 3));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoopInTopLevelStatements_IsReported()
    {
        var test = Verify.Create($$"""

using System.Threading.Tasks;

var service = new Service();
{|#0:foreach|} (var id in new[] { 1, 2, 3 })
    {|#1:await service.ProcessAsync(id)|};
{{Services}}
""");
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task NestedIndependentLoops_AreReportedOnTheOuterLoop()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:foreach|} (var row in rows)
            foreach (var id in row)
                {|#1:await service.ProcessAsync(id)|};
""", "Service service, int[][] rows"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task OuterLoopCarryingState_LeavesOnlyTheInnerLoop()
    {
        var test = Verify.Create(Caller.Method("""
        var total = 0;
        foreach (var row in rows)
        {
            total += row.Length;
            {|#0:foreach|} (var id in row)
                {|#1:await service.ProcessAsync(id)|};
        }
        Console.WriteLine(total);
""", "Service service, int[][] rows"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    // Loop shapes that stay silent: condition-driven loops, bodies that steer the loop, retries, rewrites that would not compile.

    [Fact]
    public async Task WhileAndDoLoops_AreSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var i = 0;
        while (i < ids.Length)
            await service.ProcessAsync(ids[i++]);
        do
        {
            await service.ProcessAsync(ids[0]);
        }
        while (ids.Length > 100);
"""));
    }

    [Fact]
    public async Task AwaitForeach_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await foreach (var id in source)
            await service.ProcessAsync(id);
""", "Service service, IAsyncEnumerable<int> source"));
    }

    [Theory]
    [InlineData("if (id < 0) break;")]
    [InlineData("if (id < 0) continue;")]
    [InlineData("if (id < 0) return;")]
    [InlineData("if (id < 0) throw new InvalidOperationException();")]
    [InlineData("if (id < 0) goto done;")]
    public async Task BodyThatLeavesTheLoop_IsSilent(string jump)
    {
        await Verify.VerifyAsync(Caller.Method($$"""
        foreach (var id in ids)
        {
            {{jump}}
            await service.ProcessAsync(id);
        }
        done:
        Console.WriteLine();
"""));
    }

    [Fact]
    public async Task YieldInAnAsyncIterator_IsSilent()
    {
        await Verify.VerifyAsync($$"""

using System.Collections.Generic;
using System.Threading.Tasks;
{{Services}}
public class Caller
{
    public async IAsyncEnumerable<User> GetAllAsync(Service service, int[] ids)
    {
        foreach (var id in ids)
            yield return await service.GetUserAsync(id);
    }
}

""");
    }

    [Fact]
    public async Task RetryAndPollShapes_AreSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        for (int attempt = 0; attempt < 3; attempt++)
            await service.PingAsync();
        foreach (var id in ids)
            await service.ProcessAsync(ids[0]);
"""));
    }

    [Fact]
    public async Task ForOverAnythingButACountingRange_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        for (int i = 0; i < ids.Length; i += 2)
            await service.ProcessAsync(ids[i]);
        for (int i = ids.Length - 1; i >= 0; i--)
            await service.ProcessAsync(ids[i]);
        for (int i = 0; i < Count(); i++)
            await service.ProcessAsync(i);

        static int Count() => 3;
"""));
    }

    [Fact]
    public async Task ElementConversionEnumerableCastCannotDo_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        foreach (long id in ids)
            await service.ProcessAsync((int)id);
"""));
    }

    [Fact]
    public async Task LoopInASynchronousMethod_IsSilent()
    {
        await Verify.VerifyAsync($$"""

using System.Threading.Tasks;
{{Services}}
public class Caller
{
    public void Run(Service service, int[] ids)
    {
        foreach (var id in ids)
        {
            Func<Task> f = async () => await service.ProcessAsync(id);
        }
    }
}

""".Replace("Func<Task>", "System.Func<Task>"));
    }

    [Fact]
    public async Task IncompleteCode_DoesNotThrow()
    {
        var test = Verify.Create(Caller.Method("""
        foreach (var id in )
            await service.ProcessAsync(id);
        foreach (var id in ids)
            await service.Unknown(id);
        for (int i = 0; i < ; i++)
            await service.ProcessAsync(i)
        foreach (var id in ids)
        {
            users.Add(await service.GetUserAsync(id));
"""));
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        await test.RunAsync();
    }
}
