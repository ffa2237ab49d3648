using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3.10: the state an awaited operation may write that another operation (or the next iteration) may
/// read — the objects behind its receiver and arguments, static state, captured variables. Built per operation from its
/// callee's <see cref="EffectSummary"/>, or, when the callee is not in source, from its name and its arguments' types.
/// </summary>
internal sealed class SharedWrites
{
    private SharedWrites(ImmutableArray<Root> roots, bool writesStatic, bool writesCaptured)
    {
        Roots = roots;
        WritesStatic = writesStatic;
        WritesCaptured = writesCaptured;
    }

    /// <summary>The roots whose objects the operation may change.</summary>
    public ImmutableArray<Root> Roots { get; }

    public bool WritesStatic { get; }

    public bool WritesCaptured { get; }

    public bool IsEmpty => Roots.IsEmpty && !WritesStatic && !WritesCaptured;

    /// <param name="isOwnLocal">
    /// For a loop: true for the locals each iteration has its own (the item, the body's locals). An object reached from
    /// one of them is the iteration's own, even when the local was taken from a shared collection.
    /// </param>
    public static SharedWrites Of(AwaitedOperation operation, IndependenceModel model, FunctionScope scope, System.Func<ILocalSymbol, bool>? isOwnLocal)
    {
        var semanticModel = scope.SemanticModel;
        var body = scope.Body;
        var inference = model.GetResourceInference(scope.Options);
        var cancellationToken = scope.CancellationToken;
        var invocation = operation.Invocation;
        var effects = model.Effects;
        var summary = effects.Of(invocation.TargetMethod, cancellationToken);
        var roots = ImmutableArray.CreateBuilder<Root>();
        void AddWritten(IOperation written)
        {
            if (isOwnLocal is null || EffectAnalysis.ChainBase(written) is not ILocalReferenceOperation { Local: var local } || !isOwnLocal(local))
            {
                roots.AddRange(RootFinder.Find(model.Types, semanticModel, written, body, cancellationToken));
            }
        }

        var receiver = EffectAnalysis.ReceiverOf(invocation);
        if (receiver is not null && effects.WritesReceiver(invocation, summary, inference.IsKnownSafe))
        {
            AddWritten(receiver);
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value == receiver || argument.Parameter is not { } parameter)
            {
                continue;
            }

            var written = summary is not null
                ? summary.WritesArgument(parameter.Ordinal)
                : argument.Value.Type is { } type && !Mutability.IsImmutable(type, model.Types, inference);
            if (written)
            {
                AddWritten(argument.Value);
            }
        }

        var writesCaptured = summary is { WritesCaptured: true }
                             && invocation.TargetMethod.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction;
        return new SharedWrites(roots.ToImmutable(), summary?.WritesStatic == true, writesCaptured);
    }

    /// <summary>
    /// True when one operation writes an object the other reaches, or either writes static or captured state (which the
    /// other's callee may read: not tracked member by member).
    /// </summary>
    public static bool Conflict(ImmutableArray<Root> firstRoots, SharedWrites first, ImmutableArray<Root> secondRoots, SharedWrites second)
    {
        if (first.WritesStatic || first.WritesCaptured || second.WritesStatic || second.WritesCaptured)
        {
            return true;
        }

        return Overlaps(first.Roots, secondRoots) || Overlaps(second.Roots, firstRoots);
    }

    /// <summary>One written root is the same instance as a reached root; writing <c>this</c> reaches every member of it.</summary>
    private static bool Overlaps(ImmutableArray<Root> written, ImmutableArray<Root> reached)
    {
        foreach (var w in written)
        {
            foreach (var r in reached)
            {
                if (w.IsSameInstanceAs(r) || (w.Symbol is ITypeSymbol thisType && IsMemberOf(r.Symbol, thisType)) || (r.Symbol is ITypeSymbol otherThis && IsMemberOf(w.Symbol, otherThis)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsMemberOf(ISymbol symbol, ITypeSymbol type)
        => symbol is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false }
           && symbol.ContainingType is { } containing
           && InheritsFrom(type, containing);

    private static bool InheritsFrom(ITypeSymbol type, ITypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>docs/design.md §3.10: arguments a callee not in source cannot change.</summary>
internal static class Mutability
{
    /// <summary>
    /// Strings, value types, delegates, known-safe types, immutable and read-only collections, and classes or records whose
    /// every field (or, for types from referenced assemblies, every public property) is read-only or init-only over such types.
    /// </summary>
    public static bool IsImmutable(ITypeSymbol type, WellKnownTypes types, ResourceInference inference)
        => IsImmutable(type, types, inference, depth: 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    private static bool IsImmutable(ITypeSymbol type, WellKnownTypes types, ResourceInference inference, int depth, HashSet<ITypeSymbol> visiting)
    {
        if (type.IsValueType || type.SpecialType == SpecialType.System_String || type.TypeKind is TypeKind.Delegate or TypeKind.Enum
            || inference.IsKnownSafe(type))
        {
            return true;
        }

        if (type.TypeKind is TypeKind.Error or TypeKind.Dynamic or TypeKind.Array or TypeKind.TypeParameter || depth > 3 || type is not INamedTypeSymbol named)
        {
            return false;
        }

        var ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "System.Collections.Immutable"
            || (named.TypeKind == TypeKind.Interface && ns == "System.Collections.Generic"
                && named.Name is "IEnumerable" or "IReadOnlyCollection" or "IReadOnlyList" or "IReadOnlyDictionary" or "IReadOnlySet")
            || (ns == "System" && named.Name is "Uri" or "Version" or "Type"))
        {
            return true;
        }

        if (named.TypeKind != TypeKind.Class || named.SpecialType == SpecialType.System_Object)
        {
            return false;
        }

        if (!visiting.Add(named))
        {
            return true; // a cycle: the type's other members decide
        }

        var declaredHere = SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, types.Compilation.Assembly);
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                switch (member)
                {
                    case IFieldSymbol { IsStatic: false, IsConst: false } field when declaredHere || field.DeclaredAccessibility == Accessibility.Public:
                        if (!field.IsReadOnly && !IsInitOnlyBacking(field))
                        {
                            return false;
                        }

                        if (!IsImmutable(field.Type, types, inference, depth + 1, visiting))
                        {
                            return false;
                        }

                        break;
                    // A type from a referenced assembly shows its public surface only: a method that says it changes the object.
                    case IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method
                        when !declaredHere && EffectAnalysis.NameSaysItWrites(method):
                        return false;
                    case IPropertySymbol { IsStatic: false } property when !declaredHere && property.DeclaredAccessibility == Accessibility.Public:
                        if (property.SetMethod is { IsInitOnly: false, DeclaredAccessibility: Accessibility.Public }
                            || !IsImmutable(property.Type, types, inference, depth + 1, visiting))
                        {
                            return false;
                        }

                        break;
                }
            }
        }

        return true;
    }

    private static bool IsInitOnlyBacking(IFieldSymbol field)
        => field.AssociatedSymbol is IPropertySymbol { SetMethod: null or { IsInitOnly: true } };
}
