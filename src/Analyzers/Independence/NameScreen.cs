using System;
using System.Collections.Generic;
using System.Threading;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3.1, cheaply first: the second operation can read or write a variable the first changed only by naming it,
/// by calling a local function (whose captured reads the flow counts), or through <c>this</c>. When none of these is
/// there, the reads and writes of its data flow (a pass over the whole member) cannot meet the first's changes.
/// </summary>
internal static class NameScreen
{
    /// <summary>False only when the operand cannot read or write any of <paramref name="changed"/>.</summary>
    public static bool MayTouch(ExpressionSyntax operand, SemanticModel model, HashSet<ISymbol> changed, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in changed)
        {
            if (symbol is IParameterSymbol { IsThis: true })
            {
                return true;
            }

            names.Add(symbol.Name);
        }

        if (names.Count == 0)
        {
            return false;
        }

        foreach (var node in operand.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax name && names.Contains(name.Identifier.ValueText))
            {
                return true;
            }
        }

        if (model.GetOperation(operand, cancellationToken) is not { } operation)
        {
            return true;
        }

        foreach (var inner in operation.SelfAndDescendants())
        {
            if (inner is IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction }
                or IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction })
            {
                return true;
            }
        }

        return false;
    }
}
