using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// The syntactic screen AWAIT001 runs before semantic work (docs/design.md §6): it may skip a pair only where the independence
/// model would find it dependent, so a name that merely looks like the first statement's local never hides a group.
/// </summary>
public class PairScreenTests
{
    private const string Services = """

using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
public class User { public int Id { get; set; } public int user { get; set; } }
public class Service
{
    public Task<User> GetUserAsync(int id) => Pending.Result(new User());
    public Task<int> CountAsync(int id) => Pending.Result(id);
    public Task<int> CountAsync(string name) => Pending.Result(name.Length);
    public Task<int> CountAsync(IEnumerable<int> ids) => Pending.Result(ids.Count());
    public Task<int> CountAsync(User filter) => Pending.Result(filter.Id);
    public Task SendAsync(int id) => Pending.Done();
    public Task<int> SaveAsync(int id) => Pending.Result(id);
}

""";

    private static readonly CallerSource Caller = new(Services)
    {
        Returns = "Task<int>",
        Parameters = "Service users, Service orders, int id, int[] ids",
        Epilogue = """
        return 0;

""",
    };

    [Fact]
    public async Task SecondUsesFirstLocal_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var user = await users.GetUserAsync(id);
        var count = await orders.CountAsync(user.Id);
"""));
    }

    [Fact]
    public async Task SecondAssignsFirstLocal_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var count = await users.CountAsync(id);
        count = await orders.CountAsync(id);
"""));
    }

    [Fact]
    public async Task SameNameAsMemberOrInitializerTarget_StillGroups()
    {
        var test = Verify.Create(Caller.Method("""
        var user = {|#0:await|} users.GetUserAsync(id);
        {|#1:var count = await orders.CountAsync(new User { user = 1 });|}
        System.Console.WriteLine(user);
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task SameNameInNameof_StillGroups()
    {
        var test = Verify.Create(Caller.Method("""
        var user = {|#0:await|} users.GetUserAsync(id);
        {|#1:var count = await orders.CountAsync(nameof(user));|}
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task SameNameAsLambdaParameter_StillGroups()
    {
        var test = Verify.Create(Caller.Method("""
        var user = {|#0:await|} users.GetUserAsync(id);
        {|#1:var count = await orders.CountAsync(ids.Select(user => user + 1));|}
        System.Console.WriteLine(user);
"""));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task CommandBetweenQueries_SplitsThemWithoutIncludeCommands()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var user = await users.GetUserAsync(id);
        await orders.SendAsync(id);
        var count = await orders.CountAsync(id);
        System.Console.WriteLine(user);
"""));
    }

    [Fact]
    public async Task CommandsWithIncludeCommands_StillGroup()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:await|} users.SendAsync(id);
        {|#1:await orders.SendAsync(id);|}
"""), "await_analyzers.include_commands = true\n");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }
}
