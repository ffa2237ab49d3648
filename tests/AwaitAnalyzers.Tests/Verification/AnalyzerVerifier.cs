using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AwaitAnalyzers.Tests.Verification;

/// <summary>Runs an analyzer on .NET 8 references; a test marks locations with <c>{|#n:...|}</c> and expects diagnostics built with <see cref="Expect"/>.</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Test Create(string source, string? editorConfig = null)
    {
        var test = new Test { TestCode = source };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }

        return test;
    }

    public static Task VerifyAsync(string source, string? editorConfig = null) => Create(source, editorConfig).RunAsync();

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = References.Net80;
        }

        /// <summary>Adds <c>/Pending.cs</c> after the test's own sources, so they keep their default names (/0/Test0.cs…).</summary>
        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestState.Sources.Add((PendingSource.Path, PendingSource.Text()));
            return base.RunImplAsync(cancellationToken);
        }
    }
}
