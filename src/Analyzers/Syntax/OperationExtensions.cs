using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Syntax;

internal static class OperationExtensions
{
    /// <summary>
    /// The operation and everything under it, walked from a stack (not in the order of Roslyn's <c>DescendantsAndSelf</c>);
    /// below a node for which <paramref name="descendInto"/> is false, nothing.
    /// </summary>
    public static IEnumerable<IOperation> SelfAndDescendants(this IOperation operation, Func<IOperation, bool>? descendInto = null)
    {
        var stack = new Stack<IOperation>();
        stack.Push(operation);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            if (descendInto is not null && !descendInto(current))
            {
                continue;
            }

            foreach (var child in current.ChildOperations)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>True when the operation or what it contains did not bind (code being typed).</summary>
    public static bool HasErrors(this IOperation operation, CancellationToken cancellationToken)
    {
        foreach (var node in operation.SelfAndDescendants())
        {
            if (node is IInvalidOperation || node.Type is { TypeKind: TypeKind.Error })
            {
                return true;
            }
        }

        return operation.Syntax.ContainsDiagnostics
               && operation.SemanticModel?.GetDiagnostics(operation.Syntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error) == true;
    }

    /// <summary>The operation under any implicit or explicit conversions.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The local, parameter, field or property the operation reads (through conversions); null for anything else.</summary>
    public static ISymbol? ReferencedSymbol(this IOperation operation) => operation.WithoutConversions() switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };
}
