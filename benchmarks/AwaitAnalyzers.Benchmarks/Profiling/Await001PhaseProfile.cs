using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using AwaitAnalyzers.Benchmarks.Measurement;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Benchmarks.Profiling;

/// <summary>
/// Where AWAIT001's time goes: the steps of <see cref="IndependentAwaitsAnalyzer"/> replayed over a fresh compilation with
/// a stopwatch around each, through the internal API the analyzer itself uses.
/// </summary>
internal static class Await001PhaseProfile
{
    public static string Run(Workload workload)
    {
        // As under CompilationWithAnalyzers, the compiler has bound every declaration before the analyzer runs.
        var compilation = workload.CreateCompilation();
        compilation.GetDiagnostics();
        var phases = new Dictionary<string, (Stopwatch Watch, long Count)>();
        var model = IndependenceModel.Create(compilation)!;
        var options = AwaitOptions.Default;
        foreach (var tree in workload.Trees)
        {
            var semanticModel = compilation.GetSemanticModel(tree);
            var nodes = Time(phases, "syntax: find blocks", () => tree.GetRoot().DescendantNodesAndSelf()
                .Where(n => n.IsKind(SyntaxKind.Block) || n.IsKind(SyntaxKind.SwitchSection) || n.IsKind(SyntaxKind.CompilationUnit)).ToList());
            foreach (var node in nodes)
            {
                var shapes = Time(phases, "syntax: statement shapes", () =>
                {
                    var statements = AsyncContext.StatementsOf(node);
                    var parsed = statements.Select(AwaitStatement.TryParse).ToList();
                    var adjacent = Enumerable.Range(1, Math.Max(0, parsed.Count - 1)).Any(i => parsed[i] is not null && parsed[i - 1] is not null);
                    return adjacent ? parsed : null;
                });
                if (shapes is null || !Time(phases, "syntax: in async function", () => AsyncContext.IsInAsyncFunction(node)))
                {
                    continue;
                }

                var body = AsyncContext.EnclosingBody(node) ?? node;
                Time(phases, "options: AwaitOptions.From", () => AwaitOptions.From(new CompilerAnalyzerConfigOptionsProvider().GetOptions(tree)));
                var operations = new List<AwaitedOperation?>();
                var first = true;
                foreach (var shape in shapes)
                {
                    if (shape is null)
                    {
                        operations.Add(null);
                        continue;
                    }

                    if (first)
                    {
                        Time(phases, "semantic: bind the method body (first GetOperation)", () => semanticModel.GetOperation(shape.Invocation));
                        first = false;
                    }

                    operations.Add(Time(phases, "semantic: Bind (operation, errors, intent)", () => model.Bind(shape, semanticModel, options, CancellationToken.None)));
                }

                var run = new List<AwaitedOperation>();
                foreach (var operation in operations)
                {
                    if (operation is null || operation.Intent != OperationIntent.Query)
                    {
                        run.Clear();
                        continue;
                    }

                    var joins = true;
                    foreach (var member in run)
                    {
                        Time(phases, "independence: roots", () =>
                        {
                            model.GetRoots(member, semanticModel, body, CancellationToken.None);
                            return model.GetRoots(operation, semanticModel, body, CancellationToken.None);
                        });
                        var conflict = Time(phases, "independence: resource conflict (roots known)", () => model.HaveResourceConflict(member, operation, semanticModel, body, options, CancellationToken.None));
                        var independent = Time(phases, "independence: AreIndependent (data flow + conflict)", () => model.AreIndependent(member, operation, semanticModel, body, options, CancellationToken.None));
                        joins &= independent && !conflict;
                    }

                    if (!joins)
                    {
                        run.Clear();
                    }

                    run.Add(operation);
                }
            }
        }

        var text = new StringBuilder();
        text.AppendLine("| AWAIT001 step | Calls | Time (ms) |");
        text.AppendLine("|---|--:|--:|");
        foreach (var (name, (watch, count)) in phases)
        {
            text.AppendLine($"| {name} | {count:N0} | {watch.Elapsed.TotalMilliseconds:N0} |");
        }

        return text.ToString();
    }

    private static T Time<T>(Dictionary<string, (Stopwatch Watch, long Count)> phases, string name, Func<T> action)
    {
        if (!phases.TryGetValue(name, out var phase))
        {
            phase = (new Stopwatch(), 0);
        }

        phase.Watch.Start();
        try
        {
            return action();
        }
        finally
        {
            phase.Watch.Stop();
            phases[name] = (phase.Watch, phase.Count + 1);
        }
    }

    /// <summary>Options as a build without an .editorconfig gives them.</summary>
    private sealed class CompilerAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => EmptyOptions.Instance;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => EmptyOptions.Instance;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => EmptyOptions.Instance;

        private sealed class EmptyOptions : AnalyzerConfigOptions
        {
            public static readonly EmptyOptions Instance = new();

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = null;
                return false;
            }
        }
    }
}
