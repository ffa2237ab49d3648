using System.Collections.Generic;
using System.Threading;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Concurrency;

/// <summary>
/// docs/design.md §7: whether an operation uses the member through which its receiver holds a resource. A method declared
/// in source is read (with the methods and properties of its own type it calls, a few levels deep): a service that holds a
/// context but whose called method never touches it does not reach the context. A method in metadata is taken at its word.
/// </summary>
internal sealed class MemberUse
{
    private const int MaxDepth = 3;

    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellationToken;

    public MemberUse(Compilation compilation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// True when <paramref name="operation"/> reaches <paramref name="path"/>'s first member of <paramref name="root"/>: every call
    /// whose receiver is the root is to a method that uses the member (or cannot be read); a root reached otherwise (an
    /// argument, a lambda's capture) is reached.
    /// </summary>
    public bool Reaches(IOperation operation, ISymbol root, HeldPath path)
    {
        if (path.Members.IsEmpty)
        {
            return true;
        }

        var member = path.Members[0];
        var anyCall = false;
        foreach (var node in operation.SelfAndDescendants())
        {
            if (node is not IInvocationOperation { TargetMethod: var target } invocation || !IsReceiver(invocation.Instance, root))
            {
                continue;
            }

            anyCall = true;
            var method = ImplementationIn(member.Owner, target);
            if (method is null || !IsInSource(method) || Uses(method, member, depth: 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default)))
            {
                return true;
            }
        }

        return !anyCall;
    }

    private static bool IsReceiver(IOperation? instance, ISymbol root)
    {
        return instance?.WithoutConversions() switch
        {
            IInstanceReferenceOperation => root is INamedTypeSymbol,
            ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, root),
            IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, root),
            IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field, root),
            IPropertyReferenceOperation property => SymbolEqualityComparer.Default.Equals(property.Property, root),
            _ => false,
        };
    }

    /// <summary>The method that runs on an instance of <paramref name="owner"/> for a call of <paramref name="target"/>.</summary>
    private static IMethodSymbol? ImplementationIn(INamedTypeSymbol owner, IMethodSymbol target)
    {
        if (target.ContainingType is { TypeKind: TypeKind.Interface })
        {
            return owner.FindImplementationForInterfaceMember(target) as IMethodSymbol;
        }

        for (var current = owner; current is not null; current = current.BaseType)
        {
            foreach (var candidate in current.GetMembers(target.Name))
            {
                if (candidate is IMethodSymbol method
                    && (SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, target.OriginalDefinition) || IsOverrideOf(method, target)))
                {
                    return method;
                }
            }
        }

        return target;
    }

    private static bool IsOverrideOf(IMethodSymbol method, IMethodSymbol target)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, target.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInSource(ISymbol symbol)
        => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _compilation.Assembly) && !symbol.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>True when the body of <paramref name="symbol"/> names the member, or calls a method or property of its type that does.</summary>
    private bool Uses(ISymbol symbol, HeldMember member, int depth, HashSet<ISymbol> visited)
    {
        if (!visited.Add(symbol))
        {
            return false;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(_cancellationToken);
            if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

#pragma warning disable RS1030 // The callee may be in another tree; it is read only for the few calls on a shared receiver.
            var model = _compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            foreach (var name in syntax.DescendantNodes())
            {
                if (name is not IdentifierNameSyntax identifier)
                {
                    continue;
                }

                var named = model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
                if (named is null)
                {
                    continue;
                }

                if (IsMember(named, member.Symbol))
                {
                    return true;
                }

                if (depth < MaxDepth
                    && named is IMethodSymbol or IPropertySymbol
                    && !named.IsStatic
                    && IsOwnMember(named, member.Owner)
                    && IsInSource(named)
                    && Uses(named, member, depth + 1, visited))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsMember(ISymbol named, ISymbol member)
        => SymbolEqualityComparer.Default.Equals(named, member)
           || (named is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, member))
           || (member is IFieldSymbol { AssociatedSymbol: { } property } && SymbolEqualityComparer.Default.Equals(named, property));

    private static bool IsOwnMember(ISymbol named, INamedTypeSymbol owner)
    {
        for (var current = owner; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(named.ContainingType?.OriginalDefinition, current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
