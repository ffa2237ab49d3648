using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>
/// Lays out new statements like hand-written code (docs/design.md §4): single spaces between generated tokens, the user's own code
/// inside them exactly as written, the indentation and end of line of the place they go to, and a list put one element
/// per line when the statement would be too long for one.
/// </summary>
internal sealed class Layout
{
    /// <summary>Beyond this width a developer breaks a list over several lines.</summary>
    private const int MaxLineLength = 120;

    private const string VerbatimKind = "AwaitAnalyzers.Verbatim";
    private const string WrappableKind = "AwaitAnalyzers.Wrappable";

    private Layout(SyntaxTriviaList indentation, SyntaxTriviaList continuation, SyntaxTrivia endOfLine)
    {
        Indentation = indentation;
        Continuation = continuation;
        EndOfLine = endOfLine;
    }

    /// <summary>The whitespace before the statement the layout was taken at.</summary>
    public SyntaxTriviaList Indentation { get; }

    /// <summary>One level deeper than <see cref="Indentation"/>: where the elements of a wrapped list go.</summary>
    public SyntaxTriviaList Continuation { get; }

    /// <summary>The end of line the document already uses.</summary>
    public SyntaxTrivia EndOfLine { get; }

    /// <summary>The layout of new statements that take the place of <paramref name="statement"/>.</summary>
    public static Layout At(StatementSyntax statement)
    {
        var indentation = IndentationOfLine(statement.GetFirstToken());
        var outer = statement.Parent switch
        {
            BlockSyntax block => IndentationOfLine(block.OpenBraceToken),
            SwitchSectionSyntax section => IndentationOfLine(section.GetFirstToken()),
            _ => string.Empty,
        };

        var unit = indentation.Length > outer.Length && indentation.StartsWith(outer, StringComparison.Ordinal)
            ? indentation.Substring(outer.Length)
            : indentation.IndexOf('\t') >= 0 ? "\t" : "    ";
        return new Layout(
            Whitespace(indentation),
            Whitespace(indentation + unit),
            Imports.NewLineOf(statement.SyntaxTree.GetRoot()));
    }

    /// <summary>Marks user code a new node embeds, so <see cref="Tidy"/> keeps its line breaks and comments as written.</summary>
    public static TNode Verbatim<TNode>(TNode node)
        where TNode : SyntaxNode
        => node.WithoutTrivia().WithAdditionalAnnotations(new SyntaxAnnotation(VerbatimKind));

    /// <summary>Marks an argument list or a tuple that <see cref="Line{TNode}(TNode)"/> puts one element per line when too long.</summary>
    public static TNode Wrappable<TNode>(TNode list)
        where TNode : SyntaxNode
        => list.WithAdditionalAnnotations(new SyntaxAnnotation(WrappableKind));

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

    /// <summary>True when <paramref name="trivia"/> holds a comment or a directive, not only spaces and line breaks.</summary>
    public static bool HasComment(SyntaxTriviaList trivia)
        => trivia.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));

    /// <summary>A generated statement on a line of its own, at this indentation.</summary>
    public TNode Line<TNode>(TNode generated)
        where TNode : SyntaxNode
        => Line(generated, Indentation, SyntaxFactory.TriviaList(EndOfLine));

    /// <summary>A generated statement between the given trivia (the comments and lines of the statement it replaces).</summary>
    public TNode Line<TNode>(TNode generated, SyntaxTriviaList leading, SyntaxTriviaList trailing)
        where TNode : SyntaxNode
    {
        var line = Tidy(generated);
        if (Width(line) > MaxLineLength)
        {
            line = line.ReplaceNodes(line.GetAnnotatedNodes(WrappableKind), (_, list) => OnePerLine(list));
        }

        return line.WithLeadingTrivia(leading).WithTrailingTrivia(EndingLine(trailing));
    }

    /// <summary>The trivia with an end of line at its end (and no space before it), so what follows starts a new line.</summary>
    public SyntaxTriviaList EndingLine(SyntaxTriviaList trivia)
    {
        if (trivia.Any(SyntaxKind.EndOfLineTrivia))
        {
            return trivia;
        }

        var end = trivia.Count;
        while (end > 0 && trivia[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            end--;
        }

        return SyntaxFactory.TriviaList(trivia.Take(end)).Add(EndOfLine);
    }

    /// <summary>The leading trivia of <paramref name="statement"/>, indented when it shared its line with the code before it.</summary>
    public SyntaxTriviaList StartingLine(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        var previous = statement.GetFirstToken().GetPreviousToken();
        var startsLine = leading.Any(SyntaxKind.EndOfLineTrivia) || previous.IsKind(SyntaxKind.None) || previous.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        return startsLine ? leading : Indentation.AddRange(leading);
    }

    /// <summary>The whitespace that starts the line <paramref name="token"/> is on.</summary>
    private static string IndentationOfLine(SyntaxToken token)
    {
        var text = token.SyntaxTree?.GetText();
        if (text is null)
        {
            return string.Empty;
        }

        var line = text.Lines.GetLineFromPosition(token.SpanStart);
        var end = line.Start;
        while (end < line.End && (text[end] == ' ' || text[end] == '\t'))
        {
            end++;
        }

        return text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(line.Start, end));
    }

    private static SyntaxTriviaList Whitespace(string text)
        => text.Length == 0 ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(text));

    private int Width(SyntaxNode line)
    {
        var lines = (Indentation.ToFullString() + line.ToString()).Split('\n');
        return lines.Max(l => l.TrimEnd('\r').Length);
    }

    private SyntaxNode OnePerLine(SyntaxNode list)
    {
        switch (list)
        {
            case ArgumentListSyntax arguments:
                return arguments
                    .WithOpenParenToken(arguments.OpenParenToken.WithTrailingTrivia(EndOfLine))
                    .WithArguments(OnePerLine(arguments.Arguments));
            case TupleExpressionSyntax tuple:
                return tuple
                    .WithOpenParenToken(tuple.OpenParenToken.WithTrailingTrivia(EndOfLine))
                    .WithArguments(OnePerLine(tuple.Arguments));
            default:
                return list;
        }
    }

    private SeparatedSyntaxList<ArgumentSyntax> OnePerLine(SeparatedSyntaxList<ArgumentSyntax> elements)
        => SyntaxFactory.SeparatedList(
            elements.Select(e => e.WithLeadingTrivia(Continuation)),
            elements.GetSeparators().Select(s => s.WithTrailingTrivia(EndOfLine)));
}
