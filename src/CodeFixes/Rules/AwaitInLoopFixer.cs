using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.CodeFixes.FixAll;
using AwaitAnalyzers.CodeFixes.Rewriting;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Loops;
using AwaitAnalyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.CodeFixes.Rules;

/// <summary>
/// AWAIT002 fix (docs/design.md §4): the loop becomes <c>await Task.WhenAll(xs.Select(…))</c>; where the framework has
/// Parallel.ForEachAsync and nothing is accumulated, a second action bounds the concurrency.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AwaitInLoopFixer))]
[Shared]
public sealed class AwaitInLoopFixer : CodeFixProvider, IDocumentFix
{
    internal const string WhenAllKey = "AWAIT002.WhenAll";
    internal const string BoundedKey = "AWAIT002.ParallelForEachAsync";

    private const string WhenAllTitle = "Start the iterations together with Task.WhenAll";
    private const string FissionTitle = "Start the awaits together with Task.WhenAll, then run the rest of each iteration in order";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AwaitInLoop);

    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(this);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var independence = model is null ? null : IndependenceModels.For(model.Compilation);
        if (root is null || model is null || independence is null)
        {
            return;
        }

        var options = OptionsOf(document, root.SyntaxTree);
        foreach (var diagnostic in context.Diagnostics)
        {
            var nodes = Locate(root, diagnostic);
            var loop = nodes.IsEmpty ? null : LoopAnalysis.Analyze(independence, (StatementSyntax)nodes[0], model, options, context.CancellationToken);
            if (loop is null)
            {
                continue;
            }

            // docs/design.md §4: where the body splits, only the awaits overlap; running whole bodies at once would reorder the rest.
            context.RegisterCodeFix(Action(loop.Fission is null ? WhenAllTitle : FissionTitle, WhenAllKey, document, nodes), diagnostic);
            if (independence.Types.HasParallelForEachAsync && loop.Accumulation is null && loop.Fission is null)
            {
                var title = $"Run at most {options.MaxDegreeOfParallelism} iterations at once with Parallel.ForEachAsync";
                context.RegisterCodeFix(Action(title, BoundedKey, document, nodes), diagnostic);
            }
        }
    }

    ImmutableArray<SyntaxNode> IDocumentFix.Locate(SyntaxNode root, Diagnostic diagnostic) => Locate(root, diagnostic);

    Task<Document?> IDocumentFix.ApplyAsync(Document document, ImmutableArray<SyntaxNode> nodes, string? equivalenceKey, CancellationToken cancellationToken)
        => ApplyAsync(document, nodes, equivalenceKey, cancellationToken);

    /// <summary>The loop whose <c>foreach</c>/<c>for</c> keyword the diagnostic is on (docs/design.md §2), alone; empty when it is not there.</summary>
    private static ImmutableArray<SyntaxNode> Locate(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        return root.FullSpan.Contains(span) && root.FindToken(span.Start).Parent is StatementSyntax loop and (ForEachStatementSyntax or ForStatementSyntax)
            ? ImmutableArray.Create<SyntaxNode>(loop)
            : ImmutableArray<SyntaxNode>.Empty;
    }

    /// <summary>The document with the loop rewritten by the action <paramref name="equivalenceKey"/>; null where it does not apply.</summary>
    private static async Task<Document?> ApplyAsync(Document document, ImmutableArray<SyntaxNode> nodes, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var independence = model is null ? null : IndependenceModels.For(model.Compilation);
        if (root is not CompilationUnitSyntax unit || model is null || independence is null || nodes.Length != 1 || nodes[0] is not StatementSyntax statement)
        {
            return null;
        }

        var options = OptionsOf(document, root.SyntaxTree);
        var bounded = equivalenceKey == BoundedKey;
        if (LoopAnalysis.Analyze(independence, statement, model, options, cancellationToken) is not { } loop
            || (bounded && (!independence.Types.HasParallelForEachAsync || loop.Accumulation is not null || loop.Fission is not null)))
        {
            return null;
        }

        var names = FreshNames.Around(model, statement);
        var writer = new AwaitLoopWriter(model, loop, names);
        CompilationUnitSyntax? fixedRoot;
        if (loop.Fission is not null)
        {
            var statements = new LoopFissionWriter(model, loop, writer, names).Statements();
            fixedRoot = statements is null ? null : StatementLists.Replace(unit, new[] { statement }, statements) as CompilationUnitSyntax;
        }
        else
        {
            var replacement = bounded ? writer.Bounded(options.MaxDegreeOfParallelism) : writer.WhenAll();
            fixedRoot = replacement is null ? null : unit.ReplaceNode(statement, replacement);
        }

        if (fixedRoot is null)
        {
            return null;
        }

        foreach (var name in writer.NeededUsings.OrderBy(n => n, System.StringComparer.Ordinal))
        {
            fixedRoot = Imports.AddUsing(fixedRoot, name);
        }

        return document.WithSyntaxRoot(fixedRoot);
    }

    private static CodeAction Action(string title, string key, Document document, ImmutableArray<SyntaxNode> nodes)
        => CodeAction.Create(
            title,
            async cancellationToken => await ApplyAsync(document, nodes, key, cancellationToken).ConfigureAwait(false) ?? document,
            key);

    private static AwaitOptions OptionsOf(Document document, SyntaxTree tree)
        => AwaitOptions.From(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree));
}
