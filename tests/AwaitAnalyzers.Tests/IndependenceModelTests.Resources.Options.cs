using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.2 and §5: non_concurrent_types and concurrent_safe_types, read per syntax tree and from a global config.</summary>
public partial class IndependenceModelTests
{
    [Fact]
    public async Task TypeNamedInNonConcurrentTypes_IsSilent()
    {
        await Verify.VerifyAsync(
            Silent(TwoClients),
            "await_analyzers.non_concurrent_types = Acme.Client\n");
    }

    [Fact]
    public async Task MalformedNonConcurrentTypes_AreIgnored()
    {
        var test = Verify.Create(TwoClients, "await_analyzers.non_concurrent_types = Acme.Client<int>, !!\n");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task TypeNamedInConcurrentSafeTypes_UsedTwice_IsReported()
    {
        var test = Verify.Create(StoreUsedTwice, "await_analyzers.concurrent_safe_types = Acme.Store\n");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task OptionsAreReadPerSyntaxTree()
    {
        // The option applies to Safe.cs only: the same code elsewhere stays silent.
        var test = Verify.Create(StoreUsedTwice);
        test.TestState.Sources.Add(("/Other.cs", """
public class OtherHandler(Acme.Store store)
{
    public async System.Threading.Tasks.Task RunAsync()
    {
        var a = await store.GetAsync(1);
        var b = await store.GetAsync(2);
    }
}

"""));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[/0/Test0.cs]\nawait_analyzers.concurrent_safe_types = Acme.Store\n"));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task OptionsAreReadFromAGlobalConfig()
    {
        var test = Verify.Create(StoreUsedTwice);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nawait_analyzers.concurrent_safe_types = Acme.Store\n"));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }
}
