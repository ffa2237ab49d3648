using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AwaitAnalyzers.CodeFixes.FixAll;

/// <summary>
/// The Fix All of both rules: a document's fixes applied one after another in one tree, each on the document the previous one
/// produced (docs/design.md §4). A fix rewrites several statements, so two groups can touch neighbouring text and BatchFixer's
/// merge of separately computed changes would drop one; applied in turn, each fix also sees the names and usings the previous
/// ones introduced. Project and solution scopes run it for each document.
/// </summary>
internal sealed class DocumentFixAllProvider : DocumentBasedFixAllProvider
{
    private const string TargetKind = "AwaitAnalyzers.FixAllTarget";

    private readonly IDocumentFix _fix;

    public DocumentFixAllProvider(IDocumentFix fix)
    {
        _fix = fix;
    }

    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = fixAllContext.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        // Mark every diagnostic's nodes first: the earlier fixes move them, the marks let each fix find its own again.
        var targets = new List<SyntaxAnnotation[]>();
        var marks = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var nodes = _fix.Locate(root, diagnostic);
            if (nodes.IsDefaultOrEmpty)
            {
                continue;
            }

            var annotations = new SyntaxAnnotation[nodes.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                annotations[i] = new SyntaxAnnotation(TargetKind);
                if (!marks.TryGetValue(nodes[i], out var nodeMarks))
                {
                    marks[nodes[i]] = nodeMarks = new List<SyntaxAnnotation>();
                }

                nodeMarks.Add(annotations[i]);
            }

            targets.Add(annotations);
        }

        if (targets.Count == 0)
        {
            return null;
        }

        var current = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
        var changed = false;
        foreach (var annotations in targets)
        {
            var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var nodes = annotations.Select(a => currentRoot!.GetAnnotatedNodes(a).FirstOrDefault()).ToImmutableArray();
            if (nodes.Any(n => n is null))
            {
                // An earlier fix rewrote these nodes.
                continue;
            }

            var fixedDocument = await _fix.ApplyAsync(current, nodes!, fixAllContext.CodeActionEquivalenceKey, cancellationToken).ConfigureAwait(false);
            if (fixedDocument is not null)
            {
                current = fixedDocument;
                changed = true;
            }
        }

        return changed ? current : null;
    }
}
