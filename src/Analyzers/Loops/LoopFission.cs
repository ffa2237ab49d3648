using System.Collections.Immutable;
using System.Linq;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Loops;

/// <summary>
/// docs/design.md §2, the order-preserving shape: a body made of a prelude without side effects, one awaited statement
/// (<c>var r = await F(x);</c> or <c>await F(x);</c>) and a synchronous rest. The fix starts every operation together and
/// then runs the rest item by item, in the original order, over the results; so the rest may write what the next
/// iteration's rest reads (totals, counters, dictionaries, builders, output), as long as no operation reads it.
/// </summary>
internal sealed class LoopFission
{
    private LoopFission(ImmutableArray<StatementSyntax> prelude, AwaitedOperation operation, ImmutableArray<StatementSyntax> rest)
    {
        Prelude = prelude;
        Operation = operation;
        Rest = rest;
    }

    /// <summary>The local declarations before the awaited statement; they compute what the operation is given.</summary>
    public ImmutableArray<StatementSyntax> Prelude { get; }

    /// <summary>The one awaited operation of the body.</summary>
    public AwaitedOperation Operation { get; }

    /// <summary>The awaited statement: <c>var r = await F(x);</c>, <c>T r = await F(x);</c> or <c>await F(x);</c>.</summary>
    public StatementSyntax AwaitStatement => Operation.Statement.Statement;

    /// <summary>True when the awaited statement declares the result the rest reads.</summary>
    public bool DeclaresResult => Operation.Statement.Kind == AwaitStatementKind.Declaration;

    /// <summary>The statements after the awaited one, run in order after every operation completed.</summary>
    public ImmutableArray<StatementSyntax> Rest { get; }

    /// <summary>
    /// The split of a loop body into prelude, awaited statement and rest (syntax only), or null when the body is not of that
    /// shape: one await, as a statement of the body's block, with statements after it that are not only the accumulation's
    /// <c>list.Add(r)</c> (that shape has its own fix), and local declarations before it. The loop must stand in a statement
    /// list, since the fix writes several statements in its place.
    /// </summary>
    public static LoopFission? Split(StatementSyntax loop, ImmutableArray<AwaitedOperation> operations, LoopAccumulation? accumulation)
    {
        if (operations.Length != 1
            || loop.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
            || LoopShape.BodyOf(loop) is not BlockSyntax block)
        {
            return null;
        }

        var operation = operations[0];
        var statement = operation.Statement;
        if (statement.Kind is not (AwaitStatementKind.Declaration or AwaitStatementKind.Expression) || statement.Statement.Parent != block)
        {
            return null;
        }

        var index = block.Statements.IndexOf(statement.Statement);
        var prelude = block.Statements.Take(index).ToImmutableArray();
        var rest = block.Statements.Skip(index + 1).ToImmutableArray();
        if (rest.IsEmpty
            || (accumulation is not null && rest.Length == 1 && rest[0] == accumulation.AddStatement)
            || prelude.Any(p => p is not LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.None, AwaitKeyword.RawKind: (int)SyntaxKind.None } local
                                || local.Modifiers.Any(SyntaxKind.ConstKeyword)))
        {
            return null;
        }

        return new LoopFission(prelude, operation, rest);
    }

    /// <summary>True when <paramref name="node"/> lies inside one of the rest's statements.</summary>
    public bool IsInRest(SyntaxNode node)
        => !Rest.IsEmpty && Rest[0].SpanStart <= node.SpanStart && node.Span.End <= Rest[Rest.Length - 1].Span.End;
}
