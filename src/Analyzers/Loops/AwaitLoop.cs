using System.Collections.Immutable;
using AwaitAnalyzers.Independence;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Loops;

/// <summary>
/// A loop AWAIT002 reports (docs/design.md §2): a <c>foreach</c> or counting <c>for</c> whose iterations are independent.
/// Built by <see cref="IndependenceModel.AnalyzeLoop"/>; the fixer rewrites from it.
/// </summary>
internal sealed class AwaitLoop
{
    public AwaitLoop(
        StatementSyntax loop,
        ILocalSymbol iterationVariable,
        ImmutableArray<AwaitedOperation> awaits,
        LoopSource source,
        LoopAccumulation? accumulation)
    {
        Loop = loop;
        IterationVariable = iterationVariable;
        Awaits = awaits;
        Source = source;
        Accumulation = accumulation;
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

    /// <summary>The ConfigureAwait argument every await of the body shares, or null.</summary>
    public ArgumentSyntax? ConfigureAwaitArgument => Awaits[0].Statement.ConfigureAwaitArgument;
}

/// <summary>What a loop iterates over, as an expression <c>Select</c> can be called on.</summary>
internal sealed class LoopSource
{
    private LoopSource(ExpressionSyntax? collection, ITypeSymbol? castTo, ExpressionSyntax? rangeStart, ExpressionSyntax? rangeEnd)
    {
        Collection = collection;
        CastTo = castTo;
        RangeStart = rangeStart;
        RangeEnd = rangeEnd;
    }

    /// <summary>The collection of a <c>foreach</c>; null for a counting <c>for</c>.</summary>
    public ExpressionSyntax? Collection { get; }

    /// <summary>
    /// The iteration variable's type when <c>foreach (T x in xs)</c> converts each element explicitly (a reference or
    /// unboxing conversion, as <c>Enumerable.Cast&lt;T&gt;</c> does); null when the elements already have that type.
    /// </summary>
    public ITypeSymbol? CastTo { get; }

    /// <summary><c>a</c> of <c>for (int i = a; i &lt; b; i++)</c>.</summary>
    public ExpressionSyntax? RangeStart { get; }

    /// <summary><c>b</c> of <c>for (int i = a; i &lt; b; i++)</c>.</summary>
    public ExpressionSyntax? RangeEnd { get; }

    public static LoopSource ForEach(ExpressionSyntax collection, ITypeSymbol? castTo) => new(collection, castTo, null, null);

    public static LoopSource Range(ExpressionSyntax start, ExpressionSyntax end) => new(null, null, start, end);
}

/// <summary>
/// docs/design.md §2 accumulation shape: the body ends with <c>list.Add(e);</c>, <c>list</c> a local collection declared
/// before the loop and used by nothing else in it. Task.WhenAll keeps the input order, so the results can be added at once.
/// </summary>
internal sealed class LoopAccumulation
{
    public LoopAccumulation(ExpressionStatementSyntax addStatement, ExpressionSyntax list, ExpressionSyntax value, bool hasAddRange, LocalDeclarationStatementSyntax? resultDeclaration)
    {
        AddStatement = addStatement;
        List = list;
        Value = value;
        HasAddRange = hasAddRange;
        ResultDeclaration = resultDeclaration;
    }

    /// <summary>The last statement of the body: <c>list.Add(e);</c>.</summary>
    public ExpressionStatementSyntax AddStatement { get; }

    /// <summary>The <c>list</c> of <c>list.Add(e)</c>.</summary>
    public ExpressionSyntax List { get; }

    /// <summary>The <c>e</c> of <c>list.Add(e)</c>: what each iteration produces.</summary>
    public ExpressionSyntax Value { get; }

    /// <summary>True for a <c>List&lt;T&gt;</c> whose element type the results convert to as a sequence (<c>AddRange</c>).</summary>
    public bool HasAddRange { get; }

    /// <summary>For <c>var r = await F(x); list.Add(r);</c>, the declaration of <c>r</c>, used by nothing else.</summary>
    public LocalDeclarationStatementSyntax? ResultDeclaration { get; }
}
