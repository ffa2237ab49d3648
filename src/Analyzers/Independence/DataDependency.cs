using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>docs/design.md §3.1: whether the second of two awaited statements reads what the first writes or declares.</summary>
internal static class DataDependency
{
    /// <summary>docs/design.md §3.1: the second reads nothing the first writes or declares, nor the state of an instance the first assigns.</summary>
    public static bool Exists(AwaitedOperation first, AwaitedOperation second, SemanticModel model, CancellationToken cancellationToken)
    {
        var firstFlow = first.StatementFlow(model);
        var secondFlow = second.OperandFlow(model);
        if (firstFlow is not { Succeeded: true } || secondFlow is not { Succeeded: true })
        {
            return true;
        }

        var changed = new HashSet<ISymbol>(firstFlow.WrittenInside, SymbolEqualityComparer.Default);
        changed.UnionWith(firstFlow.VariablesDeclared);
        if (NameScreen.MayTouch(second.Statement.Await.Expression, model, changed, cancellationToken)
            && (Intersects(changed, secondFlow.ReadInside) || Intersects(changed, secondFlow.WrittenInside)))
        {
            return true;
        }

        // The second's own target is assigned after both complete, but it must not name what the first declares or writes.
        if (second.Statement.AssignmentTarget is { } target)
        {
            // `x = await …` into a local or parameter reads nothing (its flow would be a pass over the whole member): only its name counts.
            var written = model.GetOperation(target, cancellationToken);
            if (written is not null && VariableOf(written) is { } variable)
            {
                if (changed.Contains(variable))
                {
                    return true;
                }
            }
            else if (written is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation }
                     or IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 })
            {
                // `Count = await …` on this or a static member names no variable (a flow pass of an assignment target fails).
            }
            else if (ReadsChanged(target, changed, model, cancellationToken))
            {
                return true;
            }
        }

        return first.Statement.AssignmentTarget is { } firstTarget
               && ReadsAssignedMember(firstTarget, second.Statement.Await.Expression, model, cancellationToken);
    }

    private static ISymbol? VariableOf(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>True when an assignment target reads, or names, a variable the first statement changed.</summary>
    private static bool ReadsChanged(ExpressionSyntax target, HashSet<ISymbol> changed, SemanticModel model, CancellationToken cancellationToken)
    {
        var targetFlow = model.AnalyzeDataFlow(target);
        if (targetFlow is not { Succeeded: true } || Intersects(changed, targetFlow.ReadInside))
        {
            return true;
        }

        foreach (var name in target.DescendantNodesAndSelf())
        {
            if (name is IdentifierNameSyntax && model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol && changed.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// docs/design.md §3.1: when the first assigns a field or property of an instance, the second must not read that member, nor call a
    /// method, read a computed property, or pass the instance along (any of which may read the member). Other fields and
    /// auto-properties of the instance are plain storage and may be read: an injected service in an auto-property is the
    /// common case (an auto-property's getter cannot read another member, so "reading a property" of it is storage: docs/design.md §3.7).
    /// </summary>
    private static bool ReadsAssignedMember(ExpressionSyntax target, ExpressionSyntax secondOperand, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(target, cancellationToken) is not IMemberReferenceOperation member)
        {
            return false;
        }

        if (model.GetOperation(secondOperand, cancellationToken) is not { } operand)
        {
            return true;
        }

        var instance = member.Instance;
        if (instance is not (null or IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation))
        {
            return true; // `a.b.X = …`: which object changed cannot be told cheaply.
        }

        foreach (var node in operand.SelfAndDescendants())
        {
            switch (node)
            {
                case IMemberReferenceOperation read when SymbolEqualityComparer.Default.Equals(read.Member, member.Member):
                    return true;
                case IInvocationOperation call when IsSameInstance(call.Instance, instance, member, call.TargetMethod):
                    return true;
                case IPropertyReferenceOperation property when !IsStorage(property.Property)
                                                               && IsSameInstance(property.Instance, instance, member, property.Property):
                    return true;
                case IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation
                    when node.Parent is not IMemberReferenceOperation and not IInvocationOperation
                         && IsSameInstance(node, instance, member, null):
                    return true; // the instance itself is passed along
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="reference"/> denotes the instance whose member was assigned (for a static member: its type).</summary>
    private static bool IsSameInstance(IOperation? reference, IOperation? assignedInstance, IMemberReferenceOperation assigned, ISymbol? used)
    {
        switch (assignedInstance)
        {
            case null:
                // A static member may be read by any member of its type.
                return used is not null && SymbolEqualityComparer.Default.Equals(used.ContainingType, assigned.Member.ContainingType);
            case IInstanceReferenceOperation:
                return reference is IInstanceReferenceOperation;
            case ILocalReferenceOperation local:
                return reference is ILocalReferenceOperation other && SymbolEqualityComparer.Default.Equals(other.Local, local.Local);
            case IParameterReferenceOperation parameter:
                return reference is IParameterReferenceOperation otherParameter && SymbolEqualityComparer.Default.Equals(otherParameter.Parameter, parameter.Parameter);
            default:
                return true;
        }
    }

    /// <summary>An auto-property only stores a value, like a field.</summary>
    private static bool IsStorage(IPropertySymbol property)
    {
        if (property.IsIndexer)
        {
            return false;
        }

        foreach (var candidate in property.ContainingType.GetMembers())
        {
            if (candidate is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Intersects(HashSet<ISymbol> set, ImmutableArray<ISymbol> symbols)
    {
        foreach (var symbol in symbols)
        {
            if (set.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }
}
