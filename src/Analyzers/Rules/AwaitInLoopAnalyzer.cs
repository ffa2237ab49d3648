using System.Collections.Immutable;
using System.Linq;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Loops;
using AwaitAnalyzers.Options;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Rules;

/// <summary>AWAIT002: a foreach or counting for that awaits independent iterations one at a time (docs/design.md §2).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AwaitInLoopAnalyzer : IndependenceAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AwaitInLoop);

    private protected override void Register(CompilationStartAnalysisContext context, CompilationModel model)
        => context.RegisterSyntaxNodeAction(c => Analyze(c, model), SyntaxKind.ForEachStatement, SyntaxKind.ForStatement);

    private static void Analyze(SyntaxNodeAnalysisContext context, CompilationModel compilation)
    {
        var loop = (StatementSyntax)context.Node;
        using (AnalysisSteps.Time("AWAIT002 1 syntax: loop candidate"))
        {
            if (!LoopShape.LooksLikeCandidate(loop))
            {
                return;
            }
        }

        if (compilation.Value is not { } model)
        {
            return;
        }

        var options = AwaitOptions.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(loop.SyntaxTree));
        if (model.Types.ReferencesTestFramework && !options.AnalyzeTestProjects)
        {
            return; // docs/design.md §2: test projects
        }

        AwaitLoop? candidate;
        using (AnalysisSteps.Time("AWAIT002 2 semantic: the loop's analysis"))
        {
            candidate = LoopAnalysis.Analyze(model, loop, context.SemanticModel, options, context.CancellationToken);
        }

        if (candidate is null)
        {
            return;
        }

        using (AnalysisSteps.Time("AWAIT002 3 nesting: analysis of each enclosing loop"))
        {
            if (IsInsideReportedLoop(loop, model, context, options))
            {
                return;
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.AwaitInLoop,
            candidate.Keyword.GetLocation(),
            candidate.Awaits.Select(a => a.Statement.Await.GetLocation())));
    }

    /// <summary>Nested candidates are reported on the outermost one (the larger win); once it is fixed, the inner loop lies in a lambda and is reported there.</summary>
    private static bool IsInsideReportedLoop(StatementSyntax loop, IndependenceModel model, SyntaxNodeAnalysisContext context, AwaitOptions options)
    {
        var function = AsyncContext.EnclosingBody(loop);
        for (var current = loop.Parent; current is not null && current != function; current = current.Parent)
        {
            if (current is ForEachStatementSyntax or ForStatementSyntax
                && LoopAnalysis.Analyze(model, (StatementSyntax)current, context.SemanticModel, options, context.CancellationToken) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
