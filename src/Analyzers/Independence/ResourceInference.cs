using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AwaitAnalyzers.Options;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3.2: which types hold a non-thread-safe resource and which are opaque. One instance per compilation and per
/// set of type options; every type's answer is cached, so each type is inspected once however often it is asked about.
/// </summary>
internal sealed class ResourceInference
{
    private readonly WellKnownTypes _types;
    private readonly ImplementationIndex _implementations;
    private readonly ImmutableArray<INamedTypeSymbol> _resourceTypes;
    private readonly ImmutableArray<INamedTypeSymbol> _knownSafeTypes;
    private readonly ImmutableHashSet<string> _unresolvedNonConcurrentTypes;
    private readonly ImmutableHashSet<string> _unresolvedConcurrentSafeTypes;
    private readonly ConcurrentDictionary<ITypeSymbol, TypeFacts> _facts = new(SymbolEqualityComparer.Default);

    /// <summary>Every type judged so far, with its answer; the graph walk fills it.</summary>
    internal ConcurrentDictionary<ITypeSymbol, TypeFacts> Facts => _facts;

    public ResourceInference(WellKnownTypes types, ImplementationIndex implementations, AwaitOptions options)
    {
        _types = types;
        _implementations = implementations;
        (_resourceTypes, _unresolvedNonConcurrentTypes) = Resolve(types.Compilation, types.ResourceTypes, options.NonConcurrentTypes);
        (_knownSafeTypes, _unresolvedConcurrentSafeTypes) = Resolve(types.Compilation, types.KnownSafeTypes, options.ConcurrentSafeTypes);
    }

    /// <summary>
    /// The option's names resolved to types once (docs/design.md §5); a name the compilation cannot resolve to one type (absent,
    /// or declared by two assemblies) is matched by name.
    /// </summary>
    private static (ImmutableArray<INamedTypeSymbol> Types, ImmutableHashSet<string> Unresolved) Resolve(
        Compilation compilation, ImmutableArray<INamedTypeSymbol> builtIn, ImmutableHashSet<string> names)
    {
        if (names.Count == 0)
        {
            return (builtIn, names);
        }

        var types = builtIn.ToBuilder();
        var unresolved = names.ToBuilder();
        foreach (var name in names)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                types.Add(type);
                unresolved.Remove(name);
            }
        }

        return (types.ToImmutable(), unresolved.ToImmutable());
    }

    /// <summary>How many types have been judged so far (for measurements).</summary>
    internal int CachedTypeCount => _facts.Count;

    public TypeFacts GetFacts(ITypeSymbol type)
        => _facts.TryGetValue(type, out var facts) ? facts : new TypeGraphWalk(this).Judge(type);

    /// <summary>True when an instance of <paramref name="a"/> and one of <paramref name="b"/> could be the same object.</summary>
    public static bool SameResource(ITypeSymbol a, ITypeSymbol b)
    {
        // A type parameter (TContext where TContext : DbContext) may be any type its constraints allow.
        if (a is ITypeParameterSymbol { ConstraintTypes: var aConstraints } && !SymbolEqualityComparer.Default.Equals(a, b))
        {
            return aConstraints.Any(constraint => SameResource(constraint, b));
        }

        if (b is ITypeParameterSymbol { ConstraintTypes: var bConstraints } && !SymbolEqualityComparer.Default.Equals(a, b))
        {
            return bConstraints.Any(constraint => SameResource(a, constraint));
        }

        return SymbolEqualityComparer.Default.Equals(a, b) || InheritsFromOrImplements(a, b) || InheritsFromOrImplements(b, a);
    }

    /// <summary>A type of the solution being built (docs/design.md §3.2 d).</summary>
    public bool IsOwnCode(ITypeSymbol type) => _types.IsOwnCode(type);

    public bool IsKnownSafe(ITypeSymbol type)
        => Matches(type, _knownSafeTypes, _unresolvedConcurrentSafeTypes);

    public bool IsResourceType(ITypeSymbol type)
        => !IsKnownSafe(type) && Matches(type, _resourceTypes, _unresolvedNonConcurrentTypes);

    /// <summary>A type that can hand out any service (the scoped DbContext included) is opaque: what it reaches is unseen.</summary>
    private bool IsServiceLocator(ITypeSymbol type)
        => _types.ServiceProvider is { } locator && InheritsFromOrImplements(type, locator);

    private static bool Matches(ITypeSymbol type, ImmutableArray<INamedTypeSymbol> known, ImmutableHashSet<string> named)
    {
        foreach (var candidate in SelfBasesAndInterfaces(type))
        {
            var definition = candidate.OriginalDefinition;
            foreach (var symbol in known)
            {
                if (SymbolEqualityComparer.Default.Equals(definition, symbol))
                {
                    return true;
                }
            }

            if (named.Count > 0 && named.Contains(FullMetadataName(definition)))
            {
                return true;
            }
        }

        return false;
    }

    internal TypeNode Inspect(ITypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic || IsKnownSafe(type))
        {
            return default;
        }

        if (IsResourceType(type))
        {
            return new TypeNode(isResource: true, isOpaque: false, held: null);
        }

        if (IsServiceLocator(type))
        {
            return new TypeNode(isResource: false, isOpaque: true, held: null);
        }

        if (IsQuery(type))
        {
            return InspectQuery(type);
        }

        var held = new List<ITypeSymbol>();
        switch (type)
        {
            case IArrayTypeSymbol array:
                held.Add(array.ElementType);
                return new TypeNode(false, false, held);
            case ITypeParameterSymbol parameter:
                held.AddRange(parameter.ConstraintTypes);
                return new TypeNode(false, false, held);
            // A delegate (a factory, a callback) is called, not held: what it returns is each call's own.
            case INamedTypeSymbol { TypeKind: TypeKind.Delegate }:
                return default;
            case INamedTypeSymbol named:
                held.AddRange(named.TypeArguments);
                return new TypeNode(false, InspectNamed(named, held), held);
            default:
                return default;
        }
    }

    /// <summary>A query (<c>IQueryable</c>) other than LINQ in memory over a sequence.</summary>
    private bool IsQuery(ITypeSymbol type)
        => _types.Queryable is { } queryable
           && InheritsFromOrImplements(type, queryable)
           && (_types.EnumerableQuery is not { } inMemory || !InheritsFromOrImplements(type, inMemory));

    /// <summary>
    /// docs/design.md §3.8: a query holds its provider, which is not seen. With a data-access assembly referenced the
    /// provider may hold a context: every such query holds one "query provider" resource (the non-generic IQueryable)
    /// and the DbContext, so two queries conflict, and a query conflicts with a repository over a context. Without one,
    /// the query is opaque: only two operations on the same query conflict.
    /// </summary>
    private TypeNode InspectQuery(ITypeSymbol type)
    {
        if (!_types.ReferencesDataAccessAssembly)
        {
            return new TypeNode(isResource: false, isOpaque: true, held: null);
        }

        if (SymbolEqualityComparer.Default.Equals(type, _types.Queryable))
        {
            return new TypeNode(isResource: true, isOpaque: false, held: _types.DbContext is { } context ? new List<ITypeSymbol> { context } : null);
        }

        return new TypeNode(isResource: false, isOpaque: false, held: new List<ITypeSymbol> { _types.Queryable! });
    }

    /// <summary>Adds what a named type holds; true when it is opaque (docs/design.md §3.2).</summary>
    private bool InspectNamed(INamedTypeSymbol type, List<ITypeSymbol> held)
    {
        if (type.TypeKind is TypeKind.Enum or TypeKind.Delegate || type.IsStatic)
        {
            return false;
        }

        var isAbstraction = type.TypeKind == TypeKind.Interface || type.IsAbstract;
        if (IsDeclaredInCompilation(type))
        {
            AddInstanceState(type, held);
            if (!isAbstraction)
            {
                return false;
            }

            // An abstraction declared here whose implementations are all elsewhere cannot be seen into.
            var implementations = _implementations.InSource(type);
            held.AddRange(implementations);
            return implementations.Count == 0;
        }

        var ns = NamespaceOf(type);
        if (ns == Namespace.Framework)
        {
            return false;
        }

        // ASP.NET Core keeps its implementations internal; what they are given that is the user's, its public types show.
        var canBeOpaque = ns != Namespace.AspNetCore;
        if (isAbstraction)
        {
            // Seen through when implementations are visible, each judged in turn.
            var inReferences = _implementations.InReferences(type);
            var inSource = _implementations.InSource(type);
            held.AddRange(inReferences);
            held.AddRange(inSource);
            return canBeOpaque && inReferences.Count == 0 && inSource.Count == 0;
        }

        // A class from a referenced assembly holds what its public constructors are given.
        var hasPublicConstructor = false;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility == Accessibility.Public)
            {
                hasPublicConstructor = true;
                AddParameters(constructor, held);
            }
        }

        return canBeOpaque && !hasPublicConstructor;
    }

    /// <summary>Instance fields (auto-property backing fields included) and constructor parameters, down the base chain.</summary>
    private void AddInstanceState(INamedTypeSymbol type, List<ITypeSymbol> held)
    {
        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            if (!IsDeclaredInCompilation(current))
            {
                // A base from a referenced assembly holds what its accessible constructors are given.
                held.AddRange(current.TypeArguments);
                foreach (var constructor in current.InstanceConstructors)
                {
                    if (constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)
                    {
                        AddParameters(constructor, held);
                    }
                }

                return;
            }

            foreach (var member in current.GetMembers())
            {
                switch (member)
                {
                    // An auto-property's backing field is among the members: it is held like any field.
                    case IFieldSymbol { IsStatic: false } field:
                        held.Add(field.Type);
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor:
                        AddParameters(constructor, held);
                        break;
                }
            }
        }
    }

    private static void AddParameters(IMethodSymbol constructor, List<ITypeSymbol> held)
    {
        foreach (var parameter in constructor.Parameters)
        {
            held.Add(parameter.Type);
        }
    }

    /// <summary>"Declared in the compilation": not a project reference compiled in the same workspace (docs/design.md §3.2).</summary>
    private bool IsDeclaredInCompilation(INamedTypeSymbol type)
        => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _types.Compilation.Assembly);

    /// <summary>The namespaces docs/design.md §3.2 treats apart.</summary>
    private enum Namespace
    {
        Other,

        /// <summary><c>System</c>, <c>Microsoft.Extensions</c>: never opaque, hold nothing but their type arguments.</summary>
        Framework,

        /// <summary><c>Microsoft.AspNetCore</c>: seen through like other referenced types, but never opaque.</summary>
        AspNetCore,
    }

    private static Namespace NamespaceOf(INamedTypeSymbol type)
    {
        INamespaceSymbol? outermost = type.ContainingNamespace;
        INamespaceSymbol? second = null;
        while (outermost is { ContainingNamespace.IsGlobalNamespace: false })
        {
            second = outermost;
            outermost = outermost.ContainingNamespace;
        }

        return outermost switch
        {
            null or { IsGlobalNamespace: true } => Namespace.Other,
            { Name: "System" } => Namespace.Framework,
            { Name: "Microsoft" } when second?.Name == "Extensions" => Namespace.Framework,
            { Name: "Microsoft" } when second?.Name == "AspNetCore" => Namespace.AspNetCore,
            _ => Namespace.Other,
        };
    }

    private static IEnumerable<ITypeSymbol> SelfBasesAndInterfaces(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            yield return @interface;
        }

        if (type is ITypeParameterSymbol parameter)
        {
            foreach (var constraint in parameter.ConstraintTypes)
            {
                foreach (var candidate in SelfBasesAndInterfaces(constraint))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static bool InheritsFromOrImplements(ITypeSymbol type, ITypeSymbol baseType)
    {
        var definition = baseType.OriginalDefinition;
        foreach (var candidate in SelfBasesAndInterfaces(type))
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, definition))
            {
                return true;
            }
        }

        return false;
    }

    internal static string FullMetadataName(ITypeSymbol type)
    {
        if (type.ContainingType is { } containing)
        {
            return FullMetadataName(containing) + "+" + type.MetadataName;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? type.MetadataName : ns.ToDisplayString() + "." + type.MetadataName;
    }
}
