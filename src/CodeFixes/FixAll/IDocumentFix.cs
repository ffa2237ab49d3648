using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.CodeFixes.FixAll;

/// <summary>A fix that rewrites the nodes of one diagnostic, so <see cref="DocumentFixAllProvider"/> can apply many in turn.</summary>
internal interface IDocumentFix
{
    /// <summary>The nodes the fix of <paramref name="diagnostic"/> rewrites, found in <paramref name="root"/>; empty when they are not there.</summary>
    ImmutableArray<SyntaxNode> Locate(SyntaxNode root, Diagnostic diagnostic);

    /// <summary>
    /// The document with <paramref name="nodes"/> (as <see cref="Locate"/> returned them, found again in this document) rewritten
    /// by the action <paramref name="equivalenceKey"/>; null when that action does not apply to them.
    /// </summary>
    Task<Document?> ApplyAsync(Document document, ImmutableArray<SyntaxNode> nodes, string? equivalenceKey, CancellationToken cancellationToken);
}
