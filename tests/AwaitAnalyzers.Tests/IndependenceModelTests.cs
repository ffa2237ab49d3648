using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3, the independence model condition by condition: each place where a naive tool would be wrong, silent
/// and reported side by side. One part per condition: §3.1 Data, §3.2 Resources.* (shared resources), §3.3 Ordering,
/// §3.4 Commands, §3.5 Benefit, §3.8 Queries (queries, responses, shared receivers), §3.10 Effects and Pipelines (what
/// callees write; pipelines, writers and delegates), §3.11 DeclaredIntent; their fixtures in IndependenceModelTests.Fixtures.cs.
/// This part: the services of the statement-level tests, and incomplete code.
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
