using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.Benchmarks.Measurement;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Options;
using AwaitAnalyzers.Rules;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Benchmarks.Profiling;

/// <summary>
/// Where the rules' time goes: the steps of <see cref="IndependentAwaitsAnalyzer"/> (and AWAIT002's two) replayed, with a stopwatch around each,
/// by an analyzer that runs under CompilationWithAnalyzers like the real one (same semantic models, same driver).
/// </summary>
internal static class Await001PhaseProfile
{
    public static async Task<string> RunAsync(Workload workload)
    {
        var analyzer = new StepTimingAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        var result = await workload.CreateCompilation()
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options)
            .GetAnalysisResultAsync(CancellationToken.None)
            .ConfigureAwait(false);

        var text = new StringBuilder();
        text.AppendLine($"Replay of AWAIT001 under CompilationWithAnalyzers: {result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds:N0} ms in the replaying analyzer (telemetry).");
        text.AppendLine();
        text.AppendLine("| AWAIT001 step | Calls | Time (ms) |");
        text.AppendLine("|---|--:|--:|");
        foreach (var (name, (watch, count)) in analyzer.Steps)
        {
            text.AppendLine($"| {name} | {count:N0} | {watch.Elapsed.TotalMilliseconds:N0} |");
        }

        return text.ToString();
    }

    /// <summary>Runs on one thread (concurrentAnalysis: false), so its stopwatches add up.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class StepTimingAnalyzer : DiagnosticAnalyzer
    {
        public List<(string Name, (Stopwatch Watch, long Count) Step)> Steps
            => _steps.Select(kv => (kv.Key, kv.Value)).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

        private readonly Dictionary<string, (Stopwatch Watch, long Count)> _steps = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.IndependentAwaits);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var model = Time("0 compilation start: IndependenceModel.Create", () => IndependenceModel.Create(start.Compilation));
                if (model is not null)
                {
                    start.RegisterSyntaxNodeAction(c => Replay(c, model), SyntaxKind.Block, SyntaxKind.SwitchSection, SyntaxKind.CompilationUnit);
                    start.RegisterSyntaxNodeAction(c => ReplayLoop(c, model), SyntaxKind.ForEachStatement, SyntaxKind.ForStatement);
                }
            });
        }

        private void Replay(SyntaxNodeAnalysisContext context, IndependenceModel model)
        {
            var options = AwaitOptions.Default;
            var shapes = Time("1 syntax: statement shapes and pair screen", () =>
            {
                var parsed = AsyncContext.StatementsOf(context.Node).Select(AwaitStatement.TryParse).ToList();
                var kept = new AwaitStatement?[parsed.Count];
                var any = false;
                for (var i = 1; i < parsed.Count; i++)
                {
                    if (parsed[i] is { } shape && parsed[i - 1] is { } previous && PairScreen.MayGroup(previous, shape, () => options.IncludeCommands))
                    {
                        kept[i - 1] = previous;
                        kept[i] = shape;
                        any = true;
                    }
                }

                return any ? kept : null;
            });
            if (shapes is null || !Time("2 syntax: in an async function", () => AsyncContext.IsInAsyncFunction(context.Node)))
            {
                return;
            }

            var body = AsyncContext.EnclosingBody(context.Node) ?? context.Node;
            options = Time("3 options: AwaitOptions.From", () => AwaitOptions.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Node.SyntaxTree)));
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
                    Time("4 semantic: first GetOperation of the block (binds the member if not yet bound)", () => context.SemanticModel.GetOperation(shape.Invocation));
                    first = false;
                }

                operations.Add(Time("5 semantic: Bind (operation, errors, intent)", () => model.Bind(shape, context.SemanticModel, options, CancellationToken.None)));
            }

            var run = new List<AwaitedOperation>();
            foreach (var operation in operations)
            {
                if (operation is null || !(operation.Intent == OperationIntent.Query || (operation.Intent == OperationIntent.Command && options.IncludeCommands)))
                {
                    run.Clear();
                    continue;
                }

                var joins = run.Count == 0 || run[0].Statement.ConfiguresAwaitLike(operation.Statement);
                foreach (var member in run)
                {
                    if (!joins)
                    {
                        break;
                    }

                    Time("6 independence: data flow of both statements", () => (member.StatementFlow(context.SemanticModel)?.Succeeded, operation.OperandFlow(context.SemanticModel)?.Succeeded));
                    Time("7 independence: roots of both", () => (model.GetRoots(member, context.SemanticModel, body, CancellationToken.None), model.GetRoots(operation, context.SemanticModel, body, CancellationToken.None)));
                    Time("8a independence: resource facts of each root's type (cached per type)", () =>
                    {
                        var inference = model.GetResourceInference(options);
                        foreach (var root in member.Roots.AddRange(operation.Roots))
                        {
                            inference.GetFacts(root.Type);
                        }

                        return 0;
                    });
                    Time("8b independence: HaveResourceConflict (facts known)", () => model.HaveResourceConflict(member, operation, context.SemanticModel, body, options, CancellationToken.None));
                    joins = Time("8c independence: AreIndependent (flows, roots, facts known)", () => model.AreIndependent(member, operation, context.SemanticModel, body, options, CancellationToken.None));
                }

                if (!joins)
                {
                    run.Clear();
                }

                run.Add(operation);
            }
        }

        /// <summary>AWAIT002's steps: the syntactic look, the whole AnalyzeLoop, then AnalyzeLoop's sub-steps replayed one by one (M…) and the nesting test.</summary>
        private void ReplayLoop(SyntaxNodeAnalysisContext context, IndependenceModel model)
        {
            var loop = (StatementSyntax)context.Node;
            if (!Time("L1 AWAIT002 syntax: LooksLikeLoopCandidate", () => IndependenceModel.LooksLikeLoopCandidate(loop)))
            {
                return;
            }

            var options = AwaitOptions.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(loop.SyntaxTree));
            ReplayLoopSteps(loop, context.SemanticModel, model, options);
            var candidate = Time("L2 AWAIT002 semantic: AnalyzeLoop", () => model.AnalyzeLoop(loop, context.SemanticModel, options, CancellationToken.None));
            if (candidate is not null)
            {
                Time("L3 AWAIT002 IsInsideReportedLoop (AnalyzeLoop of each enclosing loop)", () =>
                {
                    var function = AsyncContext.EnclosingBody(loop);
                    for (var current = loop.Parent; current is not null && current != function; current = current.Parent)
                    {
                        if (current is ForEachStatementSyntax or ForStatementSyntax
                            && model.AnalyzeLoop((StatementSyntax)current, context.SemanticModel, options, CancellationToken.None) is not null)
                        {
                            return true;
                        }
                    }

                    return false;
                });
            }
        }

        /// <summary>AnalyzeLoop's checks in its order, each timed; runs before AnalyzeLoop itself, so M-steps pay first binding and L2 shows the repeat.</summary>
        private void ReplayLoopSteps(StatementSyntax loop, SemanticModel semanticModel, IndependenceModel model, AwaitOptions options)
        {
            var ct = CancellationToken.None;
            if (!Time("M0 syntax: in an async function", () => AsyncContext.IsInAsyncFunction(loop)))
            {
                return;
            }

            var body = loop is ForEachStatementSyntax forEach ? forEach.Statement : ((ForStatementSyntax)loop).Statement;
            var awaits = Time("M1 syntax: CollectAwaits", () => IndependenceModel.CollectAwaits(body));
            var function = AsyncContext.EnclosingBody(loop);
            if (awaits is null || function is null
                || Time("M2 semantic: GetEnclosingSymbol (struct test)", () => semanticModel.GetEnclosingSymbol(loop.SpanStart, ct)?.ContainingType is { IsValueType: true }))
            {
                return;
            }

            var (variable, source) = Time("M3 semantic: ForEachSource / CountingForSource", () => loop is ForEachStatementSyntax each
                ? model.ForEachSource(each, semanticModel, ct)
                : IndependenceModel.CountingForSource((ForStatementSyntax)loop, semanticModel, ct));
            if (variable is null || source is null)
            {
                return;
            }

            var bodyOperation = Time("M4a semantic: GetOperation(body)", () => semanticModel.GetOperation(body, ct));
            if (bodyOperation is null || Time("M4b semantic: HasErrors(body)", () => bodyOperation.HasErrors(ct)))
            {
                return;
            }

            var operations = Time("M5 semantic: BindLoopAwaits", () => model.BindLoopAwaits(awaits, variable, body, bodyOperation, semanticModel, options, ct));
            if (operations.IsDefault || Time("M6 flow: WritesOutsideIteration (write screen, then AnalyzeDataFlow of the body if needed)", () => IndependenceModel.WritesOutsideIteration(loop, body, bodyOperation, variable, semanticModel)))
            {
                return;
            }

            var accumulation = Time("M7 semantic: FindAccumulation", () => model.FindAccumulation(loop, body, semanticModel, ct));
            if (Time("M8 semantic: TouchesSharedState", () => model.TouchesSharedState(loop, bodyOperation, operations, accumulation, semanticModel, options, ct)))
            {
                return;
            }

            Time("M9 resources: SharesResourceAcrossIterations", () => model.SharesResourceAcrossIterations(loop, variable, operations, function, semanticModel, options, ct));
        }

        private T Time<T>(string name, Func<T> action)
        {
            if (!_steps.TryGetValue(name, out var step))
            {
                step = (new Stopwatch(), 0);
            }

            step.Watch.Start();
            try
            {
                return action();
            }
            finally
            {
                step.Watch.Stop();
                _steps[name] = (step.Watch, step.Count + 1);
            }
        }
    }
}
