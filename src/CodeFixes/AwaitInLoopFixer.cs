using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.CodeFixes.Rewriting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AwaitAnalyzers.CodeFixes;

/// <summary>
/// AWAIT002 fix (docs/design.md §4): the loop becomes <c>await Task.WhenAll(xs.Select(…))</c>; where the framework has
/// Parallel.ForEachAsync and nothing is accumulated, a second action bounds the concurrency.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AwaitInLoopFixer))]
[Shared]
public sealed class AwaitInLoopFixer : CodeFixProvider
{
    private const string WhenAllKey = "AWAIT002.WhenAll";
    private const string BoundedKey = "AWAIT002.ParallelForEachAsync";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AwaitInLoop);

    /// <summary>Rewrites every loop of a document in one tree, so the usings each one needs are added once.</summary>
    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(
            async (context, document, diagnostics) => await FixAsync(
                document,
                diagnostics.Select(d => d.Location.SourceSpan).ToImmutableArray(),
                context.CodeActionEquivalenceKey == BoundedKey,
                context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var independence = model is null ? null : IndependenceModel.Create(model.Compilation);
        if (root is null || model is null || independence is null)
        {
            return;
        }

        var options = OptionsOf(document, root.SyntaxTree);
        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            var loop = FindLoop(root, span) is { } statement ? independence.AnalyzeLoop(statement, model, options, context.CancellationToken) : null;
            if (loop is null)
            {
                continue;
            }

            var spans = ImmutableArray.Create(span);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Start the iterations together with Task.WhenAll",
                    c => FixAsync(document, spans, bounded: false, c),
                    WhenAllKey),
                diagnostic);
            if (independence.Types.HasParallelForEachAsync && loop.Accumulation is null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Run at most {options.MaxDegreeOfParallelism} iterations at once with Parallel.ForEachAsync",
                        c => FixAsync(document, spans, bounded: true, c),
                        BoundedKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<TextSpan> spans, bool bounded, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var independence = model is null ? null : IndependenceModel.Create(model.Compilation);
        if (root is not CompilationUnitSyntax unit || model is null || independence is null)
        {
            return document;
        }

        var options = OptionsOf(document, root.SyntaxTree);
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        var usings = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var span in spans)
        {
            if (FindLoop(root, span) is not { } statement
                || replacements.Keys.Any(other => other.Span.Contains(statement.Span) || statement.Span.Contains(other.Span))
                || independence.AnalyzeLoop(statement, model, options, cancellationToken) is not { } loop
                || (bounded && (!independence.Types.HasParallelForEachAsync || loop.Accumulation is not null)))
            {
                continue;
            }

            var names = FreshNames.Around(model, statement);
            if (LoopRewriter.Rewrite(model, loop, names, bounded ? options.MaxDegreeOfParallelism : null) is { } rewrite)
            {
                replacements[statement] = rewrite.Replacement;
                usings.UnionWith(rewrite.Usings);
            }
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var fixedRoot = unit.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        foreach (var name in usings)
        {
            fixedRoot = Imports.AddUsing(fixedRoot, name);
        }

        return document.WithSyntaxRoot(fixedRoot);
    }

    private static StatementSyntax? FindLoop(SyntaxNode root, TextSpan span)
        => root.FindToken(span.Start).Parent as StatementSyntax is { } loop && loop is ForEachStatementSyntax or ForStatementSyntax ? loop : null;

    private static AwaitOptions OptionsOf(Document document, SyntaxTree tree)
        => AwaitOptions.From(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree));
}
