using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Loops;

/// <summary>What the syntax of a loop says (docs/design.md §2): a candidate, its body, its awaits, what it declares.</summary>
internal static class LoopShape
{
    /// <summary>The cheap syntactic test run before any semantic work: a foreach or for whose body awaits.</summary>
    public static bool LooksLikeCandidate(StatementSyntax loop)
    {
        var body = loop switch
        {
            ForEachStatementSyntax forEach when forEach.AwaitKeyword.IsKind(SyntaxKind.None) => forEach.Statement,
            ForStatementSyntax @for => @for.Statement,
            _ => null,
        };
        if (body is null || loop.ContainsDiagnostics)
        {
            return false;
        }

        foreach (var node in body.DescendantNodesAndSelf(n => !IsNestedFunction(n)))
        {
            if (node.IsKind(SyntaxKind.AwaitExpression))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The body of a <c>foreach</c> or <c>for</c>.</summary>
    public static StatementSyntax BodyOf(StatementSyntax loop)
        => loop is ForEachStatementSyntax forEach ? forEach.Statement : ((ForStatementSyntax)loop).Statement;

    public static bool IsNestedFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    /// <summary>
    /// The awaits of the body, or null when the body leaves or orders the loop: break, continue, return, goto, yield,
    /// throw (docs/design.md §2), lock, await foreach, await using.
    /// </summary>
    public static List<AwaitExpressionSyntax>? CollectAwaits(StatementSyntax body)
    {
        var awaits = new List<AwaitExpressionSyntax>();
        foreach (var node in body.DescendantNodesAndSelf(n => !IsNestedFunction(n)))
        {
            switch (node)
            {
                case AwaitExpressionSyntax await:
                    awaits.Add(await);
                    break;
                case ReturnStatementSyntax or GotoStatementSyntax or YieldStatementSyntax or ThrowStatementSyntax
                    or ThrowExpressionSyntax or LabeledStatementSyntax or LockStatementSyntax:
                    return null;
                case BreakStatementSyntax when !HasTargetInside(node, body, switchIsTarget: true):
                case ContinueStatementSyntax when !HasTargetInside(node, body, switchIsTarget: false):
                    return null;
                case CommonForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                case UsingStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                case LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                    return null;
            }
        }

        return awaits.Count == 0 ? null : awaits;
    }

    /// <summary>True when a break or continue leaves a loop (or switch) nested in the body, not the loop itself.</summary>
    private static bool HasTargetInside(SyntaxNode jump, StatementSyntax body, bool switchIsTarget)
    {
        for (var current = jump.Parent; current is not null; current = current.Parent)
        {
            if (current is CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                || (switchIsTarget && current is SwitchStatementSyntax))
            {
                return true;
            }

            if (current == body)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>True for the iteration variable and what the body declares: each iteration has its own.</summary>
    public static bool IsDeclaredIn(ISymbol symbol, StatementSyntax loop)
    {
        if (symbol is not (ILocalSymbol or IParameterSymbol or IRangeVariableSymbol))
        {
            return false;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == loop.SyntaxTree && loop.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }
}
