using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>
/// Lays out new statements like hand-written code (DESIGN §4): single spaces between generated tokens, the user's own code
/// inside them exactly as written, the original indentation and the document's end of line around them.
/// </summary>
internal static class Layout
{
    private const string VerbatimKind = "AwaitAnalyzers.Verbatim";

    /// <summary>Marks user code a new node embeds, so <see cref="Tidy"/> keeps its line breaks and comments as written.</summary>
    public static TNode Verbatim<TNode>(TNode node)
        where TNode : SyntaxNode
        => node.WithoutTrivia().WithAdditionalAnnotations(new SyntaxAnnotation(VerbatimKind));

    /// <summary>The generated node with single spaces between its tokens, except inside its <see cref="Verbatim"/> parts.</summary>
    public static TNode Tidy<TNode>(TNode generated)
        where TNode : SyntaxNode
    {
        var originals = new Dictionary<SyntaxAnnotation, SyntaxNode>();
        foreach (var node in generated.GetAnnotatedNodes(VerbatimKind))
        {
            originals[node.GetAnnotations(VerbatimKind).First()] = node;
        }

        var normalized = generated.NormalizeWhitespace(eol: " ");
        normalized = normalized.ReplaceNodes(
            normalized.GetAnnotatedNodes(VerbatimKind),
            (spaced, _) => originals[spaced.GetAnnotations(VerbatimKind).First()].WithoutAnnotations(VerbatimKind).WithTriviaFrom(spaced));

        // NormalizeWhitespace writes `var(a, b)` as if it were a call; a developer writes `var (a, b)`.
        return normalized.ReplaceNodes(
            normalized.DescendantNodesAndSelf().OfType<DeclarationExpressionSyntax>().Where(d => d.Designation is ParenthesizedVariableDesignationSyntax),
            (_, declaration) => declaration.WithType(declaration.Type.WithTrailingTrivia(SyntaxFactory.Space)));
    }

    /// <summary>A generated statement on a line of its own, at <paramref name="indentation"/>.</summary>
    public static TNode OnOwnLine<TNode>(TNode generated, SyntaxTriviaList indentation, SyntaxTrivia endOfLine)
        where TNode : SyntaxNode
        => Tidy(generated).WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine);

    /// <summary>The whitespace before <paramref name="node"/> on its line: the indentation of new lines beside it.</summary>
    public static SyntaxTriviaList IndentationOf(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        var start = leading.Count;
        while (start > 0 && leading[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start--;
        }

        return SyntaxFactory.TriviaList(leading.Skip(start));
    }

    /// <summary>The trivia with an end of line at its end, so what follows starts a new line.</summary>
    public static SyntaxTriviaList EndingLine(SyntaxTriviaList trivia, SyntaxTrivia endOfLine)
        => trivia.Any(SyntaxKind.EndOfLineTrivia) ? trivia : trivia.Add(endOfLine);

    /// <summary>True when <paramref name="trivia"/> holds a comment or a directive, not only spaces and line breaks.</summary>
    public static bool HasComment(SyntaxTriviaList trivia)
        => trivia.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));
}
