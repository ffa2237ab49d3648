using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.4 Commands: AWAIT001 groups queries unless <c>include_commands</c>; verbs match by first word.</summary>
public partial class IndependenceModelTests
{
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
}
