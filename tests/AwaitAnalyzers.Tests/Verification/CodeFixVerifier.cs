using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AwaitAnalyzers.Tests.Verification;

/// <summary>Runs an analyzer and its fixer; the fixed source must compile (the library checks compiler diagnostics).</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Test Create(string source, string fixedSource, string? editorConfig = null, int codeActionIndex = 0)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionIndex = codeActionIndex,
        };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }

        return test;
    }

    public static Task VerifyAsync(string source, string fixedSource, string? editorConfig = null, int codeActionIndex = 0)
        => Create(source, fixedSource, editorConfig, codeActionIndex).RunAsync();

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = References.Net80;
        }

        /// <summary>Adds <c>/Pending.cs</c> after the test's own sources, so they keep their default names (/0/Test0.cs…).</summary>
        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestState.Sources.Add((PendingSource.Path, PendingSource.Text()));
            if (FixedState.Sources.Count > 0)
            {
                FixedState.Sources.Add((PendingSource.Path, PendingSource.Text()));
            }

            return base.RunImplAsync(cancellationToken);
        }
    }
}
