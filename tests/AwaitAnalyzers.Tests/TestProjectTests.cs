using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyGroup = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §2, test projects: a project that references a test framework gets no AWAIT001 or AWAIT002 unless
/// <c>await_analyzers.analyze_test_projects = true</c>; the same code in a project without one is reported.
/// </summary>
public class TestProjectTests
{
    private const string Code = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        public class Api
        {
            public async Task<int> CountAsync(int id) => await Pending.Result(id);
        }
        public class StoreTests(Api api)
        {
            public async Task<int> BothCountsAsync()
            {
                var a = {|#0:await|} api.CountAsync(1);
                {|#1:var b = await api.CountAsync(2);|}
                return a + b;
            }

            public async Task<List<int>> EveryCountAsync(int[] ids)
            {
                var counts = new List<int>();
                {|#2:foreach|} (var id in ids)
                    counts.Add({|#3:await api.CountAsync(id)|});
                return counts;
            }
        }
        """;

    // An assembly with a test framework's name is all the rule looks at.
    private const string Framework = """
        namespace Xunit;
        public sealed class FactAttribute : System.Attribute { }
        """;

    private static async Task RunAsync(string? frameworkAssembly, string? editorConfig, bool reported)
    {
        var group = VerifyGroup.Create(Code, editorConfig);
        var loop = VerifyLoop.Create(Code, editorConfig);
        if (frameworkAssembly is not null)
        {
            var reference = await ReferenceAssembly.CompileAsync(Framework, name: frameworkAssembly);
            group.TestState.AdditionalReferences.Add(reference);
            loop.TestState.AdditionalReferences.Add(reference);
        }

        if (reported)
        {
            group.ExpectedDiagnostics.Add(Expect.Group(0, 1));
            loop.ExpectedDiagnostics.Add(Expect.Loop(2, 3));
        }

        await group.RunAsync();
        await loop.RunAsync();
    }

    [Theory]
    [InlineData("xunit.core")]
    [InlineData("nunit.framework")]
    [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework")]
    [InlineData("MSTest.TestFramework")]
    [InlineData("TUnit.Core")]
    [InlineData("BenchmarkDotNet")]
    public async Task ATestProject_IsSilentByDefault(string framework)
    {
        await RunAsync(framework, editorConfig: null, reported: false);
    }

    [Fact]
    public async Task ATestProject_IsReportedWhenTheOptionTurnsItOn()
    {
        await RunAsync("xunit.core", "await_analyzers.analyze_test_projects = true\n", reported: true);
    }

    [Fact]
    public async Task AProjectWithoutATestFramework_IsReported()
    {
        await RunAsync(frameworkAssembly: null, editorConfig: null, reported: true);
        await RunAsync("MyCompany.Testing.Helpers", editorConfig: null, reported: true);
    }
}
