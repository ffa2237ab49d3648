using System.Collections.Generic;
using System.Collections.Immutable;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Options;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Rules;

/// <summary>AWAIT001: consecutive awaits of independent operations (docs/design.md §2).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IndependentAwaitsAnalyzer : IndependenceAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.IndependentAwaits);

    private protected override void Register(CompilationStartAnalysisContext context, CompilationModel model)
        => context.RegisterSyntaxNodeAction(c => Analyze(c, model), SyntaxKind.Block, SyntaxKind.SwitchSection, SyntaxKind.CompilationUnit);

    private static void Analyze(SyntaxNodeAnalysisContext context, CompilationModel compilation)
    {
        AwaitOptions? read = null;
        AwaitOptions Options() => read ??= AwaitOptions.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Node.SyntaxTree));

        AwaitStatement?[]? shapes;
        using (AnalysisSteps.Time("AWAIT001 1 syntax: statement shapes and pair screen"))
        {
            shapes = FindCandidateShapes(AsyncContext.StatementsOf(context.Node), () => Options().IncludeCommands);
        }

        if (shapes is null || !AsyncContext.IsInAsyncFunction(context.Node) || AsyncContext.HasSyntaxErrors(context.Node)
            || compilation.Value is not { } model)
        {
            return;
        }

        if (model.Types.ReferencesTestFramework && !Options().AnalyzeTestProjects)
        {
            return; // docs/design.md §2: test projects
        }

        var body = AsyncContext.EnclosingBody(context.Node) ?? context.Node;
        var options = Options();
        var scope = new FunctionScope(context.SemanticModel, body, options, context.CancellationToken);
        var run = new List<AwaitedOperation>();
        foreach (var shape in shapes)
        {
            var operation = shape is null || ConditionalDirectives.KeepOutOfGroup(shape.Statement, followsGroupMember: false)
                ? null
                : Bind(shape, model, scope);
            if (operation is null || !CanJoinGroup(operation, options))
            {
                Report(context, run, model);
                run.Clear();
                continue;
            }

            if (run.Count > 0 && !JoinsRun(run, operation, model, scope))
            {
                Report(context, run, model);
                run.Clear();
            }

            run.Add(operation);
        }

        Report(context, run, model);
    }

    /// <summary>
    /// The cheap syntactic pass: the shape of each statement, or null where a statement cannot be in a group
    /// (so no semantic work is done for it). Returns null when no two adjacent statements may group (<see cref="PairScreen"/>).
    /// </summary>
    private static AwaitStatement?[]? FindCandidateShapes(IReadOnlyList<StatementSyntax> statements, System.Func<bool> commandsGroup)
    {
        if (statements.Count < 2)
        {
            return null;
        }

        AwaitStatement?[]? shapes = null;
        AwaitStatement? previous = null;
        for (var i = 0; i < statements.Count; i++)
        {
            var shape = AwaitStatement.TryParse(statements[i]);
            if (shape is not null && previous is not null && PairScreen.MayGroup(previous, shape, commandsGroup))
            {
                shapes ??= new AwaitStatement?[statements.Count];
                shapes[i - 1] = previous;
                shapes[i] = shape;
            }

            previous = shape;
        }

        return shapes;
    }

    /// <summary>docs/design.md §3.3–§3.5: queries group by default; commands only with include_commands.</summary>
    private static bool CanJoinGroup(AwaitedOperation operation, AwaitOptions options)
        => operation.Intent == OperationIntent.Query
           || (operation.Intent == OperationIntent.Command && options.IncludeCommands);

    private static AwaitedOperation? Bind(AwaitStatement shape, IndependenceModel model, FunctionScope scope)
    {
        using (AnalysisSteps.Time("AWAIT001 2 semantic: Bind (operation, errors, intent)"))
        {
            return model.Binder.Bind(shape, scope.SemanticModel, scope.Options, scope.CancellationToken);
        }
    }

    private static bool JoinsRun(List<AwaitedOperation> run, AwaitedOperation next, IndependenceModel model, FunctionScope scope)
    {
        // One WhenAll carries one ConfigureAwait: members that disagree cannot share it (docs/design.md §4).
        if (!run[0].Statement.ConfiguresAwaitLike(next.Statement))
        {
            return false;
        }

        if (ConditionalDirectives.KeepOutOfGroup(next.Statement.Statement, followsGroupMember: true))
        {
            return false;
        }

        foreach (var member in run)
        {
            if (!model.AreIndependent(member, next, scope))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reports the run, less its members whose callee always completes synchronously (docs/design.md §3.5): they end
    /// the run as any member without benefit would, and are judged last because that reads the callees' bodies.
    /// </summary>
    private static void Report(SyntaxNodeAnalysisContext context, List<AwaitedOperation> run, IndependenceModel model)
    {
        if (run.Count < 2)
        {
            return;
        }

        var start = 0;
        for (var i = 0; i <= run.Count; i++)
        {
            if (i == run.Count || model.Binder.StartsNothing(run[i], context.CancellationToken))
            {
                ReportGroup(context, run.GetRange(start, i - start), model);
                start = i + 1;
            }
        }
    }

    /// <summary>
    /// docs/design.md §3.5: a group is worth its rewrite when at least two members may wait on more than a local file, and
    /// something in view says one of them does wait (a library's or the framework's call): two calls into the
    /// application's unseen code may both answer from memory.
    /// </summary>
    private static bool HasTwoLongWaits(List<AwaitedOperation> group, IndependenceModel model, System.Threading.CancellationToken cancellationToken)
    {
        var longWaits = 0;
        var shown = false;
        foreach (var member in group)
        {
            var wait = model.Binder.WaitOf(member, cancellationToken);
            if (wait >= WaitKind.Unseen)
            {
                longWaits++;
                shown |= wait == WaitKind.Anything;
            }

            if (longWaits >= 2 && shown)
            {
                return true;
            }
        }

        return false;
    }

    private static void ReportGroup(SyntaxNodeAnalysisContext context, List<AwaitedOperation> group, IndependenceModel model)
    {
        if (group.Count < 2 || !HasTwoLongWaits(group, model, context.CancellationToken))
        {
            return;
        }

        using (AnalysisSteps.Time("AWAIT001 3 declared intent (comments and conditions around the group)"))
        {
            if (DeclaredIntent.SaysSequential(group[0].Statement.Statement, group[group.Count - 1].Statement.Statement))
            {
                return;
            }
        }

        context.ReportDiagnostic(GroupDiagnostic.Create(group.ConvertAll(o => o.Statement)));
    }
}
