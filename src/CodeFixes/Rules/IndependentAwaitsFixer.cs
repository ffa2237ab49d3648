using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.CodeFixes.FixAll;
using AwaitAnalyzers.CodeFixes.Rewriting;
using AwaitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.CodeFixes.Rules;

/// <summary>
/// AWAIT001: starts a group's operations together with <c>Task.WhenAll</c> and keeps every result (docs/design.md §4): tasks started in
/// the original order, then WhenAll, then the results by tuple destructuring; or, when all results share one type, an array.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IndependentAwaitsFixer))]
[Shared]
public sealed class IndependentAwaitsFixer : CodeFixProvider, IDocumentFix
{
    internal const string TupleKey = "AWAIT001.Tuple";
    internal const string ArrayKey = "AWAIT001.Array";

    private const string TupleTitle = "Start the awaits together with Task.WhenAll";
    private const string ArrayTitle = "Start the awaits together with Task.WhenAll into an array of results";
    private const string TasksNamespace = "System.Threading.Tasks";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.IndependentAwaits);

    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(this);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var statements = Locate(root, diagnostic);
            var group = AwaitGroup.TryCreate(model, statements, context.CancellationToken);
            if (group is null)
            {
                continue;
            }

            context.RegisterCodeFix(Action(TupleTitle, TupleKey, document, statements), diagnostic);
            if (group.ResultsShareOneType)
            {
                context.RegisterCodeFix(Action(ArrayTitle, ArrayKey, document, statements), diagnostic);
            }
        }
    }

    ImmutableArray<SyntaxNode> IDocumentFix.Locate(SyntaxNode root, Diagnostic diagnostic) => Locate(root, diagnostic);

    Task<Document?> IDocumentFix.ApplyAsync(Document document, ImmutableArray<SyntaxNode> nodes, string? equivalenceKey, CancellationToken cancellationToken)
        => ApplyAsync(document, nodes, equivalenceKey, cancellationToken);

    /// <summary>The group's statements, as the analyzer located them (<see cref="GroupDiagnostic"/>).</summary>
    private static ImmutableArray<SyntaxNode> Locate(SyntaxNode root, Diagnostic diagnostic)
        => ImmutableArray<SyntaxNode>.CastUp(GroupDiagnostic.Statements(root, diagnostic));

    /// <summary>The document with the group rewritten by the action <paramref name="equivalenceKey"/>; null where it does not apply.</summary>
    private static async Task<Document?> ApplyAsync(Document document, ImmutableArray<SyntaxNode> nodes, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var group = model is null ? null : AwaitGroup.TryCreate(model, nodes, cancellationToken);
        if (root is null || model is null || group is null)
        {
            return null;
        }

        var first = group.Members[0].Statement;
        var (task, needsUsing) = Imports.NameFor(model, first.SpanStart, group.Types.Task);
        var writer = new AwaitGroupWriter(group, task, FreshNames.Around(model, first), LanguageVersionOf(root));
        var replacements = equivalenceKey == ArrayKey
            ? (group.ResultsShareOneType ? writer.ArrayOfResults() : null)
            : writer.TupleOfResults();
        var newRoot = replacements is null ? null : StatementLists.Replace(root, group.Statements, replacements);
        if (newRoot is null)
        {
            return null;
        }

        if (needsUsing && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = Imports.AddUsing(unit, TasksNamespace);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static CodeAction Action(string title, string key, Document document, ImmutableArray<SyntaxNode> statements)
        => CodeAction.Create(
            title,
            async cancellationToken => await ApplyAsync(document, statements, key, cancellationToken).ConfigureAwait(false) ?? document,
            key);

    private static LanguageVersion LanguageVersionOf(SyntaxNode root)
        => root.SyntaxTree.Options is CSharpParseOptions options ? options.LanguageVersion : LanguageVersion.CSharp7_3;
}
