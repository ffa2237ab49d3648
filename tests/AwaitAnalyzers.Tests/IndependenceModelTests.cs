using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3, rule by rule: each place where a naive tool would be wrong, silent and reported side by side.
/// Shared resources (§3.2) are in IndependenceModelTests.Resources.*.cs, the fixtures of every part in IndependenceModelTests.Fixtures.cs.
/// </summary>
public partial class IndependenceModelTests
{
    private const string Services = """

public class User { public string Name = ""; public Task LoadAsync() => Pending.Done(); }
public class Client
{
    public Task<string> LoginAsync() => Pending.Result("token");
    public Task<string> GetAsync(int id) => Pending.Result(id.ToString());
    public Task<string> GetAsync(string token) => Pending.Result(token);
    public Task<int> CountAsync() => Pending.Result(1);
    public Task<int> RunAsync(int id) => Pending.Result(id);
    public Task<int> GetPlanOrThrowAsync(int id) => Pending.Result(id);
    public Task<int> GetSettingsAsync() => Pending.Result(1);
    public Task<int> FetchAsync() => Pending.Result(1);
    public Task<int> SaveChangesAsync() => Pending.Result(1);
    public Task<int> CommitAsync() => Pending.Result(1);
    public Task FlushAsync() => Pending.Done();
    public Task SendAsync(string message) => Pending.Done();
}

""";

    /// <summary>A <c>Caller</c> with a field, a property and helpers the data tests write to and read.</summary>
    private static readonly CallerSource Caller = new($$"""

using System.Threading;
using System.Threading.Tasks;
{{Services}}
""")
    {
        Parameters = "Client a, Client b, int id",
        Members = """
    private string _token = "";
    private readonly Client _client = new Client();
    public string Token { get; set; } = "";
    private Task<string> GetDataAsync() => _client.GetAsync(_token);
    private Task<int> GetOtherAsync() => Pending.Result(2);

""",
    };

    // §3.1 Data

    [Fact]
    public async Task Data_SecondReadsVariableFirstDeclares_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var token = await a.LoginAsync();
        var data = await b.GetAsync(token);
"""));
    }

    [Fact]
    public async Task Data_SecondReadsLocalFirstAssigns_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        string token;
        token = await a.LoginAsync();
        var data = await b.GetAsync(token);
        System.Console.WriteLine(data);
"""));
    }

    [Fact]
    public async Task Data_SecondReadsParameterFirstAssigns_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Class("""
    public async Task RunAsync(Client a, Client b, string token)
    {
        token = await a.LoginAsync();
        var data = await b.GetAsync(token);
    }
"""));
    }

    [Fact]
    public async Task Data_SecondReadsFieldFirstAssigns_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        _token = await a.LoginAsync();
        var data = await b.GetAsync(_token);
"""));
    }

    [Fact]
    public async Task Data_SecondCallsMethodOfInstanceWhoseFieldFirstAssigns_IsSilent()
    {
        // GetDataAsync reads _token: a call on `this` may read what the first stored on `this`.
        await Verify.VerifyAsync(Caller.Method("""
        _token = await a.LoginAsync();
        var data = await GetDataAsync();
"""));
    }

    [Fact]
    public async Task Data_SecondReadsPropertyOfInstanceWhosePropertyFirstAssigns_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        Token = await a.LoginAsync();
        var data = await b.GetAsync(this.Token);
"""));
    }

    [Fact]
    public async Task Data_SecondUsesLocalObjectWhoseMemberFirstAssigns_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Class("""
    public async Task RunAsync(Client a, User user)
    {
        user.Name = await a.LoginAsync();
        var n = await a.GetAsync(user.Name.Length);
    }
"""));
    }

    [Fact]
    public async Task Data_FirstAssignsFieldAndSecondUsesAnotherObject_IsReported()
    {
        var test = Verify.Create(Caller.Method("""
        _token = {|#0:await|} a.LoginAsync();
        {|#1:var data = await b.GetAsync(id);|}
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Data_SecondUsesServiceInAutoPropertyOfInstanceWhoseFieldFirstAssigns_IsReported()
    {
        // An injected service in an auto-property (a Blazor [Inject] property, say) is storage: reading it cannot observe _token.
        var test = Verify.Create(Caller.Class("""
    public Client Users { get; set; } = new Client();
    public Client Orders { get; set; } = new Client();
    private string _users = "";
    public async Task RunAsync()
    {
        _users = {|#0:await|} Users.GetAsync(1);
        {|#1:_token = await Orders.GetAsync(2);|}
    }
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Data_SecondReadsComputedPropertyOfInstanceWhoseFieldFirstAssigns_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Class("""
    private Client Current => _token.Length > 0 ? _client : new Client();
    public async Task RunAsync(Client a)
    {
        _token = await a.LoginAsync();
        var data = await Current.GetAsync(1);
    }
"""));
    }

    [Fact]
    public async Task Data_SecondPassesInstanceWhoseFieldFirstAssigns_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Class("""
    private static Task<string> DescribeAsync(Caller caller) => Pending.Result(caller._token);
    public async Task RunAsync(Client a)
    {
        _token = await a.LoginAsync();
        var data = await DescribeAsync(this);
    }
"""));
    }

    [Fact]
    public async Task Data_SecondCallsStaticMethodOfTypeWhoseStaticFieldFirstAssigns_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Class("""
    private static string s_token = "";
    private static Task<string> ReadTokenAsync() => Pending.Result(s_token);
    public async Task RunAsync(Client a)
    {
        s_token = await a.LoginAsync();
        var data = await ReadTokenAsync();
    }
"""));
    }

    [Fact]
    public async Task Data_SecondAssignsMemberOfObjectFirstDeclares_IsSilent()
    {
        // The fix would need `(var user, user.Name) = ...`, which cannot name what it declares.
        await Verify.VerifyAsync(Caller.Class("""
    private Task<User> FindAsync(int id) => Pending.Result(new User());
    public async Task RunAsync(Client a, int id)
    {
        var user = await FindAsync(id);
        user.Name = await a.LoginAsync();
    }
"""));
    }

    [Fact]
    public async Task Data_SecondAssignsVariableFirstDeclares_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var token = await a.LoginAsync();
        token = await b.LoginAsync();
        System.Console.WriteLine(token);
"""));
    }

    [Fact]
    public async Task Data_StatementsThatShareOnlyReadInputs_AreReported()
    {
        var test = Verify.Create(Caller.Method("""
        var first = {|#0:await|} a.GetAsync(id);
        {|#1:var second = await b.GetAsync(id);|}
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    // §3.3 Ordering intent

    [Fact]
    public async Task Ordering_TaskDelay_IsSilentEvenWithCommands()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await Task.Delay(100);
        await a.SendAsync("after the pause");
"""), "await_analyzers.include_commands = true\n");
    }

    [Fact]
    public async Task Ordering_TaskYield_IsSilentEvenWithCommands()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await Task.Yield();
        await a.SendAsync("m");
"""), "await_analyzers.include_commands = true\n");
    }

    [Fact]
    public async Task Ordering_SemaphoreWaitAsync_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Class("""
    public async Task RunAsync(SemaphoreSlim gate, Client a)
    {
        var entered = await gate.WaitAsync(100);
        var count = await a.CountAsync();
        gate.Release();
    }
"""));
    }

    [Fact]
    public async Task Ordering_WaitAsyncWithCommands_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Class("""
    public async Task RunAsync(SemaphoreSlim gate, Client a)
    {
        await gate.WaitAsync();
        await a.SendAsync("m");
        gate.Release();
    }
"""), "await_analyzers.include_commands = true\n");
    }

    [Fact]
    public async Task Ordering_SaveChangesWithStoredResult_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var saved = await a.SaveChangesAsync();
        var count = await b.CountAsync();
"""));
    }

    [Fact]
    public async Task Ordering_CommitWithStoredResult_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var count = await b.CountAsync();
        var committed = await a.CommitAsync();
"""));
    }

    [Fact]
    public async Task Ordering_FlushWithCommands_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await a.SendAsync("m");
        await a.FlushAsync();
"""), "await_analyzers.include_commands = true\n");
    }

    [Fact]
    public async Task Ordering_WhenAllAndWhenAny_AreSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var all = await Task.WhenAll(a.CountAsync(), b.CountAsync());
        var any = await Task.WhenAny(a.CountAsync(), b.CountAsync());
"""));
    }

    // §3.4 Commands

    [Fact]
    public async Task Commands_StateChangingVerbAfterQuery_IsSilent()
    {
        // Overlapping them runs the upgrade even when the lookup throws.
        await Verify.VerifyAsync(Caller.Method("""
        var plan = await a.GetPlanOrThrowAsync(id);
        var result = await b.RunAsync(id);
"""));
    }

    [Fact]
    public async Task Commands_VerbIsMatchedByFirstWordNotSubstring()
    {
        // GetSettingsAsync contains "Set" but starts with "Get": a query.
        var test = Verify.Create(Caller.Method("""
        var settings = {|#0:await|} a.GetSettingsAsync();
        {|#1:var count = await b.CountAsync();|}
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Commands_CommandVerbsOption_AddsVerbs()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var fetched = await a.FetchAsync();
        var count = await b.CountAsync();
"""), "await_analyzers.command_verbs = Fetch, Archive\n");
    }

    [Fact]
    public async Task Commands_WithoutOption_FetchIsAQuery()
    {
        var test = Verify.Create(Caller.Method("""
        var fetched = {|#0:await|} a.FetchAsync();
        {|#1:var count = await b.CountAsync();|}
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Commands_QueryNextToCommand_IsSilentByDefault()
    {
        await Verify.VerifyAsync(Caller.Method("""
        await a.SendAsync("m");
        var count = await b.CountAsync();
"""));
    }

    [Fact]
    public async Task Commands_IncludeCommands_LetsQueryAndCommandGroup()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:await|} a.SendAsync("m");
        {|#1:var count = await b.CountAsync();|}
"""), "await_analyzers.include_commands = true\n");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    // §3.5 Benefit

    [Fact]
    public async Task Benefit_CompletedTasks_AreSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var one = await Task.FromResult(1);
        var two = await ValueTask.FromResult(2);
        var three = await new ValueTask<int>(3);
        await Task.CompletedTask;
"""), "await_analyzers.include_commands = true\n");
    }

    [Fact]
    public async Task Benefit_TaskAlreadyHeld_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var pending = a.CountAsync();
        var first = await pending;
        var second = await pending;
"""));
    }

    // Incomplete code: no nonsense, no exception (an exception would surface as AD0001 and fail the test).

    [Fact]
    public async Task Incomplete_MissingSemicolon_IsSilent()
    {
        var test = Verify.Create(Caller.Method("""
        var first = await a.CountAsync(){|CS1002:|}
        var second = await b.CountAsync();
"""));
        await test.RunAsync();
    }

    [Fact]
    public async Task Incomplete_ErrorTypes_AreSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var first = await {|CS0103:Missing|}.GetAsync(id);
        var second = await b.{|CS1061:NopeAsync|}();
        var third = await b.CountAsync();
"""));
    }

    [Fact]
    public async Task Incomplete_UnfinishedInvocation_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var first = await a.GetAsync(id{|CS1026:;|}
        var second = await b.CountAsync();
"""));
    }

    [Fact]
    public async Task Incomplete_AwaitWithoutOperand_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var first = await{|CS1525:;|}
        var second = await b.CountAsync();
"""));
    }

    [Fact]
    public async Task Incomplete_AwaitOutsideAsyncMethod_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Class("""
    public void Run(Client a, Client b)
    {
        var first = {|CS4033:await a.CountAsync()|};
        var second = {|CS4033:await b.CountAsync()|};
    }
"""));
    }
}
