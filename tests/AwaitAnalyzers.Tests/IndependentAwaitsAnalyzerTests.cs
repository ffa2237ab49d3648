using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>AWAIT001: which groups are reported, and where (docs/design.md §2). Independence itself is in IndependenceModelTests.</summary>
public class IndependentAwaitsAnalyzerTests
{
    /// <summary>The services the AWAIT001 tests call (shared with IndependentAwaitsFixerTests).</summary>
    internal const string Services = """

public class User { }
public class Order { }
public class Service
{
    public Task<User> GetUserAsync(int id) => Pending.Result(new User());
    public Task<Order[]> ListOrdersAsync(int id) => Pending.Result(new Order[0]);
    public Task<int> CountAsync(int id) => Pending.Result(id);
    public Task<int> CountAsync(User user) => Pending.Result(1);
    public ValueTask<int> GetScoreAsync(int id) => new ValueTask<int>(Pending.Result<int>(id));
    public Task SendAsync(string message) => Pending.Done();
    public Task<bool> SendWithResultAsync(string message) => Pending.Result(true);
    public ValueTask NotifyAsync(string message) => new ValueTask(Pending.Done());
}

""";

    private static readonly CallerSource Caller = new($$"""

using System.Threading.Tasks;
{{Services}}
""")
    {
        Parameters = "Service users, Service orders, int id",
    };

    [Fact]
    public async Task TwoIndependentDeclarations_AreOneGroup()
    {
        var test = Verify.Create(Caller.Method("""
        var user = {|#0:await|} users.GetUserAsync(id);
        {|#1:var list = await orders.ListOrdersAsync(id);|}
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ThreeIndependentStatements_AreOneGroupOfThree()
    {
        var test = Verify.Create(Caller.Method("""
        var user = {|#0:await|} users.GetUserAsync(id);
        {|#1:var list = await orders.ListOrdersAsync(id);|}
        {|#2:var count = await orders.CountAsync(id);|}
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1, 2));
        await test.RunAsync();
    }

    [Fact]
    public async Task ExplicitTypesAndAssignments_AreGroupShapes()
    {
        var test = Verify.Create(Caller.Method("""
        User user;
        int count;
        user = {|#0:await|} users.GetUserAsync(id);
        {|#1:Order[] list = await orders.ListOrdersAsync(id);|}
        {|#2:count = await orders.CountAsync(id);|}
        System.Console.WriteLine($"{user}{list}{count}");
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1, 2));
        await test.RunAsync();
    }

    [Fact]
    public async Task SecondReadsFirstResult_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var user = await users.GetUserAsync(id);
        var count = await orders.CountAsync(user);
"""));
    }

    [Fact]
    public async Task SecondReadsFirstResultThroughALocalFunction_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var user = await users.GetUserAsync(id);
        var count = await orders.CountAsync(Current());
        User Current() => user;
"""));
    }

    [Fact]
    public async Task DependentStatement_SplitsRunIntoTwoGroups()
    {
        var test = Verify.Create(Caller.Method("""
        var user = {|#0:await|} users.GetUserAsync(id);
        {|#1:var list = await orders.ListOrdersAsync(id);|}
        var count = {|#2:await|} orders.CountAsync(user);
        {|#3:var score = await orders.GetScoreAsync(id);|}
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        test.ExpectedDiagnostics.Add(Expect.Group(2, 3));
        await test.RunAsync();
    }

    [Fact]
    public async Task ValueTaskOperands_AreGrouped()
    {
        var test = Verify.Create(Caller.Method("""
        var a = {|#0:await|} users.GetScoreAsync(id);
        {|#1:var b = await orders.GetScoreAsync(id);|}
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task SameConfigureAwait_IsGrouped()
    {
        var test = Verify.Create(Caller.Method("""
        var user = {|#0:await|} users.GetUserAsync(id).ConfigureAwait(false);
        {|#1:var list = await orders.ListOrdersAsync(id).ConfigureAwait(false);|}
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task MixedConfigureAwait_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var user = await users.GetUserAsync(id).ConfigureAwait(false);
        var list = await orders.ListOrdersAsync(id);
"""));
    }

    [Fact]
    public async Task SingleAwait_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var user = await users.GetUserAsync(id);
        System.Console.WriteLine(user);
        var list = await orders.ListOrdersAsync(id);
"""));
    }

    [Fact]
    public async Task AwaitOfTaskHeldInVariable_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var userTask = users.GetUserAsync(id);
        var listTask = orders.ListOrdersAsync(id);
        var user = await userTask;
        var list = await listTask;
"""));
    }

    [Fact]
    public async Task OperandContainingAnotherAwait_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var a = await orders.CountAsync(await users.CountAsync(id));
        var b = await users.CountAsync(id);
"""));
    }

    [Fact]
    public async Task Commands_AreSilentByDefault()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await users.SendAsync("a");
        await orders.SendAsync("b");
"""));
    }

    [Fact]
    public async Task DiscardedResults_AreCommands()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await users.CountAsync(id);
        await orders.CountAsync(id);
"""));
    }

    [Fact]
    public async Task CommandVerbWithStoredResult_IsACommand()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var a = await users.SendWithResultAsync("a");
        var b = await orders.SendWithResultAsync("b");
"""));
    }

    [Fact]
    public async Task IncludeCommands_GroupsCommands()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:await|} users.SendAsync("a");
        {|#1:await orders.SendAsync("b");|}
"""), "await_analyzers.include_commands = true\n");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task MalformedIncludeCommands_FallsBackToDefault()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await users.SendAsync("a");
        await orders.SendAsync("b");
"""), "await_analyzers.include_commands = maybe\n");
    }

    [Fact]
    public async Task TaskFromResult_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var a = await Task.FromResult(1);
        var b = await Task.FromResult(2);
"""));
    }

    [Fact]
    public async Task AwaitsInLambdaLocalFunctionAndTopLevel_AreGroups()
    {
        var test = Verify.Create($$"""

using System;
using System.Threading.Tasks;
{{Services}}
public class Caller
{
    public void Run(Service users, Service orders, int id)
    {
        Func<Task> lambda = async () =>
        {
            var user = {|#0:await|} users.GetUserAsync(id);
            {|#1:var list = await orders.ListOrdersAsync(id);|}
        };
        async Task LocalAsync()
        {
            var user = {|#2:await|} users.GetUserAsync(id);
            {|#3:var list = await orders.ListOrdersAsync(id);|}
        }
        Func<Task> anonymous = async delegate
        {
            var user = {|#4:await|} users.GetUserAsync(id);
            {|#5:var list = await orders.ListOrdersAsync(id);|}
        };
    }
}

""");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        test.ExpectedDiagnostics.Add(Expect.Group(2, 3));
        test.ExpectedDiagnostics.Add(Expect.Group(4, 5));
        await test.RunAsync();
    }

    [Fact]
    public async Task TopLevelStatements_AreAGroup()
    {
        var test = Verify.Create($$"""

using System.Threading.Tasks;
var users = new Service();
var orders = new Service();
var user = {|#0:await|} users.GetUserAsync(1);
{|#1:var list = await orders.ListOrdersAsync(2);|}
System.Console.WriteLine(user);
{{Services}}
""");
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task AwaitsInCatchAndFinally_AreGroups()
    {
        var test = Verify.Create(Caller.Method("""
        try
        {
        }
        catch (System.Exception)
        {
            var user = {|#0:await|} users.GetUserAsync(id);
            {|#1:var list = await orders.ListOrdersAsync(id);|}
        }
        finally
        {
            var a = {|#2:await|} users.CountAsync(id);
            {|#3:var b = await orders.CountAsync(id);|}
        }
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        test.ExpectedDiagnostics.Add(Expect.Group(2, 3));
        await test.RunAsync();
    }

    [Fact]
    public async Task AwaitsInSwitchSection_AreAGroup()
    {
        var test = Verify.Create(Caller.Method("""
        switch (id)
        {
            case 1:
                var user = {|#0:await|} users.GetUserAsync(id);
                {|#1:var list = await orders.ListOrdersAsync(id);|}
                break;
        }
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConditionalDirectiveBetweenStatements_EndsTheRun()
    {
        var test = Verify.Create(Caller.Method("""
        var user = await users.GetUserAsync(id);
#if !LEGACY
        var list = {|#0:await|} orders.ListOrdersAsync(id);
        {|#1:var count = await orders.CountAsync(id);|}
#endif
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ElseDirectiveBetweenStatements_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
#if !LEGACY
        var user = await users.GetUserAsync(id);
#else
        var user = await users.GetUserAsync(id + 1);
#endif
        var list = await orders.ListOrdersAsync(id);
"""));
    }

    [Fact]
    public async Task GeneratedCode_IsSkipped()
    {
        var source = Caller.Method("""
        var user = await users.GetUserAsync(id);
        var list = await orders.ListOrdersAsync(id);
""");
        await Verify.VerifyAsync($"// <auto-generated/>\n{source}");
    }
}
