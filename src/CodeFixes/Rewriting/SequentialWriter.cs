using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>
/// docs/design.md §7, AWAIT003: the statements that run operations one after another — the reverse of AWAIT001's and AWAIT002's
/// rewrites. Every method returns the replacements of one statement, or null where the shape cannot be written back.
/// </summary>
internal sealed class SequentialWriter
{
    private readonly StatementSyntax _statement;
    private readonly Layout _layout;

    public SequentialWriter(StatementSyntax statement)
    {
        _statement = statement;
        _layout = Layout.At(statement);
    }

    /// <summary>
    /// <c>await running;</c> (a task, or <c>Task.WhenAll(tasks)</c> for a collection) before the statement that starts the next
    /// operation, which follows unchanged.
    /// </summary>
    public IReadOnlyList<StatementSyntax> AwaitFirst(ExpressionSyntax running, ArgumentSyntax? configureAwait)
    {
        var awaitRunning = _layout.Line(
            ExpressionStatement(AwaitRewriting.Await(running, configureAwait)),
            _layout.StartingLine(_statement),
            TriviaList(_layout.EndOfLine));
        return new[] { awaitRunning, _statement.WithLeadingTrivia(_layout.Indentation) };
    }

    /// <summary><c>await Task.WhenAll(a, b);</c> as <c>await a; await b;</c>, each keeping the ConfigureAwait of the whole.</summary>
    public IReadOnlyList<StatementSyntax> AwaitEach(IReadOnlyList<ExpressionSyntax> operands, ArgumentSyntax? configureAwait)
    {
        var statements = new List<StatementSyntax>();
        for (var i = 0; i < operands.Count; i++)
        {
            var line = ExpressionStatement(AwaitRewriting.Await(Layout.Verbatim(operands[i]), configureAwait));
            var leading = i == 0 ? _layout.StartingLine(_statement) : _layout.Indentation;
            var trailing = i == operands.Count - 1 ? _statement.GetTrailingTrivia() : TriviaList(_layout.EndOfLine);
            statements.Add(_layout.Line(line, leading, trailing));
        }

        return statements;
    }

    /// <summary>
    /// <c>var r = await Task.WhenAll(a, b);</c> (or an assignment, or a return) with its await replaced by
    /// <c>new T[] { await a, await b }</c>: the results kept, in order, each operation awaited before the next starts.
    /// </summary>
    public IReadOnlyList<StatementSyntax> ArrayOfResults(AwaitExpressionSyntax whenAll, string elementType, IReadOnlyList<ExpressionSyntax> operands, ArgumentSyntax? configureAwait)
    {
        // Written as text: the operands stay as the user wrote them, one space after each comma.
        var elements = operands.Select(o => Layout.Tidy(AwaitRewriting.Await(Layout.Verbatim(o), configureAwait)).ToFullString());
        var array = ParseExpression("new " + elementType + "[] { " + string.Join(", ", elements) + " }");
        var replaced = _statement.ReplaceNode(whenAll, array.WithTriviaFrom(whenAll));
        return new[] { replaced };
    }

    /// <summary>
    /// <c>foreach (var item in source)</c> over <paramref name="body"/>: a block (moved from the lambda, its lines re-indented to
    /// the loop's) or one statement (put in a block of its own).
    /// </summary>
    public IReadOnlyList<StatementSyntax>? ForEach(string itemDeclaration, ExpressionSyntax source, BlockSyntax? block, StatementSyntax? single)
    {
        var indentation = _layout.Indentation.ToFullString();
        var unit = _layout.Continuation.ToFullString().Substring(indentation.Length);
        var eol = _layout.EndOfLine.ToFullString();
        var text = new StringBuilder()
            .Append("foreach (").Append(itemDeclaration).Append(" in ").Append(source.WithoutTrivia().ToFullString()).Append(')').Append(eol);
        if (block is not null && block.DescendantTokens().Any(t => t.Text.IndexOf('\n') >= 0))
        {
            return null; // a string over several lines would change with the re-indentation
        }

        if (block is not null)
        {
            text.Append(indentation).Append(Reindent(block, indentation, eol));
        }
        else if (single is not null)
        {
            text.Append(indentation).Append('{').Append(eol)
                .Append(indentation).Append(unit).Append(single.WithoutTrivia().ToFullString()).Append(eol)
                .Append(indentation).Append('}');
        }
        else
        {
            return null;
        }

        var loop = ParseStatement(text.ToString());
        if (loop.ContainsDiagnostics)
        {
            return null;
        }

        return new[] { loop.WithLeadingTrivia(_layout.StartingLine(_statement)).WithTrailingTrivia(_layout.EndingLine(_statement.GetTrailingTrivia())) };
    }

    /// <summary>The block's text with every line moved by the difference between its brace line's indentation and <paramref name="indentation"/>.</summary>
    private static string Reindent(BlockSyntax block, string indentation, string eol)
    {
        var text = block.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(block.OpenBraceToken.SpanStart);
        var end = line.Start;
        while (end < block.OpenBraceToken.SpanStart && (text[end] == ' ' || text[end] == '\t'))
        {
            end++;
        }

        var braceIndentation = text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(line.Start, end));
        var lines = block.WithoutTrivia().ToFullString().Replace("\r\n", "\n").Split('\n');
        var result = new StringBuilder(lines[0]);
        for (var i = 1; i < lines.Length; i++)
        {
            var current = lines[i];
            var moved = current.StartsWith(braceIndentation, System.StringComparison.Ordinal)
                ? indentation + current.Substring(braceIndentation.Length)
                : current;
            result.Append(eol).Append(current.Trim().Length == 0 ? string.Empty : moved);
        }

        return result.ToString();
    }
}
