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
    /// <summary>The <c>foreach</c> or <c>for</c> statement.</summary>
    public StatementSyntax Loop { get; set; } = null!;

    public SyntaxToken Keyword => Loop is ForEachStatementSyntax forEach ? forEach.ForEachKeyword : ((ForStatementSyntax)Loop).ForKeyword;

    public StatementSyntax Body => Loop is ForEachStatementSyntax forEach ? forEach.Statement : ((ForStatementSyntax)Loop).Statement;

    public ILocalSymbol IterationVariable { get; set; } = null!;

    /// <summary>Every await of the body, in order (nested functions excluded).</summary>
    public ImmutableArray<AwaitedOperation> Awaits { get; set; }

    public LoopSource Source { get; set; } = null!;

    /// <summary>The <c>list.Add(…)</c> that collects each iteration's result, when the body ends with one.</summary>
    public LoopAccumulation? Accumulation { get; set; }

    /// <summary>
    /// The order-preserving split of the body (docs/design.md §4) when it has that shape: the fix then starts the operations
    /// together and runs the rest after them, item by item. Null for the other shapes, whose fix runs whole bodies together.
    /// </summary>
    public LoopFission? Fission { get; set; }

    /// <summary>The ConfigureAwait argument every await of the body shares, or null.</summary>
    public ArgumentSyntax? ConfigureAwaitArgument => Awaits[0].Statement.ConfigureAwaitArgument;
}
