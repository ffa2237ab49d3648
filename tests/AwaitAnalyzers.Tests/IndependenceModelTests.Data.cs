using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.1 Data: the second statement reads nothing the first writes or declares.</summary>
public partial class IndependenceModelTests
{
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
}
