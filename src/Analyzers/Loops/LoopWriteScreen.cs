using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Loops;

/// <summary>
/// A cheap walk before the data flow of a loop body (a flow pass over the whole member, AWAIT002's costliest step):
/// a body with no way to write a variable from outside it cannot write one, so the flow analysis is only run when one
/// of the ways is there. Conservative: anything in doubt answers "may write".
/// </summary>
internal static class LoopWriteScreen
{
    /// <summary>False only when every write in the body is to a local the body itself declares (the counter of a for is declared outside it).</summary>
    public static bool MayWriteOutside(IOperation body, StatementSyntax loop, ILocalSymbol iterationVariable)
    {
        foreach (var operation in body.SelfAndDescendants())
        {
            switch (operation)
            {
                case IAssignmentOperation assignment when !IsOwnLocal(assignment.Target, loop, iterationVariable):
                case IIncrementOrDecrementOperation increment when !IsOwnLocal(increment.Target, loop, iterationVariable):
                case IArgumentOperation { Parameter: null }:
                case IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: not IDeclarationExpressionOperation }:
                case IVariableDeclaratorOperation { Symbol.IsRef: true }:
                case IEventAssignmentOperation or IAddressOfOperation or IInterpolatedStringHandlerCreationOperation:
                case IRecursivePatternOperation { DeconstructSymbol: not null }:
                case ILocalReferenceOperation or IParameterReferenceOperation when IsOuterValueReceiver(operation, loop):
                    return true;
            }
        }

        return false;
    }

    private static bool IsOwnLocal(IOperation target, StatementSyntax loop, ILocalSymbol iterationVariable)
        => target is ILocalReferenceOperation { Local.IsRef: false } local
           && !SymbolEqualityComparer.Default.Equals(local.Local, iterationVariable)
           && LoopShape.IsDeclaredIn(local.Local, loop);

    /// <summary>The flow analysis counts a call on a struct variable (its receiver, an awaited or iterated or disposed struct) as a write of it.</summary>
    private static bool IsOuterValueReceiver(IOperation reference, StatementSyntax loop)
    {
        if (reference.Type is not { IsValueType: true }
            || (reference is ILocalReferenceOperation local && LoopShape.IsDeclaredIn(local.Local, loop)))
        {
            return false;
        }

        return reference.Parent switch
        {
            IArgumentOperation or IBinaryOperation or IVariableInitializerOperation or IInterpolationOperation => false,
            IConversionOperation { Parent: IArgumentOperation or IBinaryOperation or IVariableInitializerOperation or IInterpolationOperation } => false,
            _ => true,
        };
    }
}
