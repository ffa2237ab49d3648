using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Loops;

/// <summary>
/// What a loop body visibly does beside its awaited operations (docs/design.md §4): running it in another order would show
/// as output, a log line, or a change that code outside the loop sees. Conservative: any call not known to be pure counts.
/// </summary>
internal static class SideEffects
{
    /// <summary>
    /// True for calls that change nothing and print nothing: members of strings, numbers and other primitive types,
    /// <c>object</c>'s own members, <c>Math</c>, <c>Convert</c>, <c>Path</c>, <c>Guid</c>, and LINQ's <c>Enumerable</c>.
    /// </summary>
    public static bool IsPure(IMethodSymbol method)
    {
        if (method.Name is "ToString" or "GetHashCode" or "Equals" && !method.IsStatic)
        {
            return true;
        }

        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (type.SpecialType != SpecialType.None)
        {
            return true;
        }

        var name = type.ContainingNamespace?.ToDisplayString() + "." + type.Name;
        return name is "System.Math" or "System.Convert" or "System.Guid" or "System.IO.Path" or "System.Linq.Enumerable" or "System.TimeSpan" or "System.DateTime";
    }

    /// <summary>True when the operation (or one inside it) has an effect the program could show: a call not known pure, an assignment, an event.</summary>
    public static bool Has(IOperation operation, System.Func<IOperation, bool> isExempt)
    {
        foreach (var node in operation.SelfAndDescendants())
        {
            if (isExempt(node))
            {
                continue;
            }

            switch (node)
            {
                case IInvocationOperation invocation when !IsPure(invocation.TargetMethod):
                case IEventAssignmentOperation:
                case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicIndexerAccessOperation:
                    return true;
            }
        }

        return false;
    }
}
