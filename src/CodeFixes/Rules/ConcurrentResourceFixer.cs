using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.CodeFixes.FixAll;
using AwaitAnalyzers.CodeFixes.Rewriting;
using AwaitAnalyzers.Concurrency;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.CodeFixes.Rules;

/// <summary>
/// AWAIT003: runs the operations one after another, keeping every result (docs/design.md §7) — the reverse of AWAIT001's fix.
/// A task started into a local is awaited before the next operation starts; <c>await Task.WhenAll(a, b)</c> becomes one await
/// after another (its results an array built in order); <c>Select(async …)</c> under WhenAll and <c>Parallel.ForEachAsync</c>
/// become a <c>foreach</c> with an await. The nodes it rewrites say which shape it is.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConcurrentResourceFixer))]
[Shared]
public sealed class ConcurrentResourceFixer : CodeFixProvider, IDocumentFix
{
    internal const string SequentialKey = "AWAIT003.Sequential";

    private const string Title = "Await the operations one after another";
    private const string TasksNamespace = "System.Threading.Tasks";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConcurrentResource);

    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(this);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var nodes = Locate(root, diagnostic);
            if (nodes.IsDefaultOrEmpty || await ApplyAsync(document, nodes, context.CancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    async cancellationToken => await ApplyAsync(document, nodes, cancellationToken).ConfigureAwait(false) ?? document,
                    SequentialKey),
                diagnostic);
        }
    }

    ImmutableArray<SyntaxNode> IDocumentFix.Locate(SyntaxNode root, Diagnostic diagnostic) => Locate(root, diagnostic);

    Task<Document?> IDocumentFix.ApplyAsync(Document document, ImmutableArray<SyntaxNode> nodes, string? equivalenceKey, CancellationToken cancellationToken)
        => equivalenceKey is null or SequentialKey ? ApplyAsync(document, nodes, cancellationToken) : Task.FromResult<Document?>(null);

    /// <summary>
    /// The nodes the fix rewrites, by shape (<see cref="ConcurrencyDiagnostic"/>): the statement that starts the next operation and the
    /// declarator of the running task; the WhenAll invocation; or the lambda of a loop shape.
    /// </summary>
    private static ImmutableArray<SyntaxNode> Locate(SyntaxNode root, Diagnostic diagnostic)
    {
        var (later, earlier) = ConcurrencyDiagnostic.Nodes(root, diagnostic);
        switch (ConcurrencyDiagnostic.ShapeOf(diagnostic))
        {
            case ConcurrencyShape.Started
                when later?.FirstAncestorOrSelf<StatementSyntax>() is { } statement && earlier?.FirstAncestorOrSelf<VariableDeclaratorSyntax>() is { } declarator:
                return ImmutableArray.Create<SyntaxNode>(statement, declarator);
            case ConcurrencyShape.Collected
                when later?.FirstAncestorOrSelf<StatementSyntax>() is { } statement && earlier?.FirstAncestorOrSelf<ArgumentSyntax>()?.Parent?.Parent is InvocationExpressionSyntax add:
                return ImmutableArray.Create<SyntaxNode>(statement, add);
            case ConcurrencyShape.WhenAll when later?.Ancestors().OfType<InvocationExpressionSyntax>().FirstOrDefault(IsWhenAll) is { } whenAll:
                return ImmutableArray.Create<SyntaxNode>(whenAll);
            case ConcurrencyShape.Select or ConcurrencyShape.ForEachAsync when later?.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is { } lambda:
                return ImmutableArray.Create<SyntaxNode>(lambda);
            default:
                return ImmutableArray<SyntaxNode>.Empty;
        }
    }

    private static bool IsWhenAll(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WhenAll" or "WhenAny" };

    private static async Task<Document?> ApplyAsync(Document document, ImmutableArray<SyntaxNode> nodes, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || nodes.IsDefaultOrEmpty)
        {
            return null;
        }

        var rewrite = nodes[0] switch
        {
            StatementSyntax later when nodes.Length == 2 && nodes[1] is VariableDeclaratorSyntax declarator
                => SequentialRewrites.AwaitRunningFirst(model, later, declarator, cancellationToken),
            StatementSyntax later when nodes.Length == 2 && nodes[1] is InvocationExpressionSyntax add
                => SequentialRewrites.AwaitCollectionFirst(model, later, add, TaskName(model, later), cancellationToken),
            InvocationExpressionSyntax whenAll => SequentialRewrites.AwaitInTurn(model, whenAll, cancellationToken),
            AnonymousFunctionExpressionSyntax lambda => SequentialRewrites.ForEach(model, lambda, cancellationToken),
            _ => null,
        };
        if (rewrite is not { } found)
        {
            return null;
        }

        var newRoot = StatementLists.Replace(root, new[] { found.Statement }, found.Replacements);
        if (newRoot is CompilationUnitSyntax unit && nodes.Length == 2 && nodes[1] is InvocationExpressionSyntax && NeedsTasksUsing(model, found.Statement))
        {
            newRoot = Imports.AddUsing(unit, TasksNamespace);
        }

        return newRoot is null ? null : document.WithSyntaxRoot(newRoot);
    }

    /// <summary>Task as the fix may write it at <paramref name="statement"/> (a using is added when it is not in scope).</summary>
    private static NameSyntax TaskName(SemanticModel model, StatementSyntax statement)
        => model.Compilation.GetTypeByMetadataName(TasksNamespace + ".Task") is { } task
            ? Imports.NameFor(model, statement.SpanStart, task).Name
            : SyntaxFactory.IdentifierName("Task");

    private static bool NeedsTasksUsing(SemanticModel model, StatementSyntax statement)
        => model.Compilation.GetTypeByMetadataName(TasksNamespace + ".Task") is { } task && Imports.NameFor(model, statement.SpanStart, task).NeedsUsing;
}
