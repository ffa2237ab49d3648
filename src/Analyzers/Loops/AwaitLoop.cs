using System.Collections.Immutable;
using AwaitAnalyzers.Independence;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Loops;

/// <summary>
/// A loop AWAIT002 reports (docs/design.md §2): a <c>foreach</c> or counting <c>for</c> whose iterations are independent.
/// Built by <see cref="LoopAnalysis"/>; the fixer rewrites from it.
/// </summary>
internal sealed class AwaitLoop
{
    public AwaitLoop(
        StatementSyntax loop,
        ILocalSymbol iterationVariable,
        ImmutableArray<AwaitedOperation> awaits,
        LoopSource source,
        LoopAccumulation? accumulation,
        LoopFission? fission)
    {
        Loop = loop;
        IterationVariable = iterationVariable;
        Awaits = awaits;
        Source = source;
        Accumulation = accumulation;
        Fission = fission;
    }

    /// <summary>The <c>foreach</c> or <c>for</c> statement.</summary>
    public StatementSyntax Loop { get; }

    public SyntaxToken Keyword => Loop is ForEachStatementSyntax forEach ? forEach.ForEachKeyword : ((ForStatementSyntax)Loop).ForKeyword;

    public StatementSyntax Body => Loop is ForEachStatementSyntax forEach ? forEach.Statement : ((ForStatementSyntax)Loop).Statement;

    public ILocalSymbol IterationVariable { get; }

    /// <summary>Every await of the body, in order (nested functions excluded).</summary>
    public ImmutableArray<AwaitedOperation> Awaits { get; }

    public LoopSource Source { get; }

    /// <summary>The <c>list.Add(…)</c> that collects each iteration's result, when the body ends with one.</summary>
    public LoopAccumulation? Accumulation { get; }

    /// <summary>
    /// The order-preserving split of the body (docs/design.md §4) when it has that shape: the fix then starts the operations
    /// together and runs the rest after them, item by item. Null for the other shapes, whose fix runs whole bodies together.
    /// </summary>
    public LoopFission? Fission { get; }

    /// <summary>The ConfigureAwait argument every await of the body shares, or null.</summary>
    public ArgumentSyntax? ConfigureAwaitArgument => Awaits[0].Statement.ConfigureAwaitArgument;
}
