using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AwaitAnalyzers.Options;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Independence;

/// <summary>What docs/design.md §3.2 says of one type: the resource types it holds, and whether it is or holds something opaque.</summary>
internal sealed class TypeFacts
{
    public static readonly TypeFacts Nothing = new(ImmutableArray<ITypeSymbol>.Empty, isOpaque: false);

    public TypeFacts(ImmutableArray<ITypeSymbol> heldResources, bool isOpaque)
    {
        HeldResources = heldResources;
        IsOpaque = isOpaque;
    }

    /// <summary>The resource types reachable from the type (itself, its fields, auto-properties, constructor parameters and implementations, transitively).</summary>
    public ImmutableArray<ITypeSymbol> HeldResources { get; }

    /// <summary>The type, or a type it holds, cannot be seen into: what is behind it may hold anything.</summary>
    public bool IsOpaque { get; }
}

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

    /// <summary>What one type is by itself, before what it holds is judged.</summary>
    private readonly struct Node
    {
        public Node(bool isResource, bool isOpaque, List<ITypeSymbol>? held)
        {
            IsResource = isResource;
            IsOpaque = isOpaque;
            Held = held;
        }

        public bool IsResource { get; }

        public bool IsOpaque { get; }

        /// <summary>The types an instance is given and keeps, or may be at run time (implementations).</summary>
        public List<ITypeSymbol>? Held { get; }
    }

    private Node Inspect(ITypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic || IsKnownSafe(type))
        {
            return default;
        }

        if (IsResourceType(type))
        {
            return new Node(isResource: true, isOpaque: false, held: null);
        }

        if (IsServiceLocator(type))
        {
            return new Node(isResource: false, isOpaque: true, held: null);
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
                return new Node(false, false, held);
            case ITypeParameterSymbol parameter:
                held.AddRange(parameter.ConstraintTypes);
                return new Node(false, false, held);
            // A delegate (a factory, a callback) is called, not held: what it returns is each call's own.
            case INamedTypeSymbol { TypeKind: TypeKind.Delegate }:
                return default;
            case INamedTypeSymbol named:
                held.AddRange(named.TypeArguments);
                return new Node(false, InspectNamed(named, held), held);
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
    private Node InspectQuery(ITypeSymbol type)
    {
        if (!_types.ReferencesDataAccessAssembly)
        {
            return new Node(isResource: false, isOpaque: true, held: null);
        }

        if (SymbolEqualityComparer.Default.Equals(type, _types.Queryable))
        {
            return new Node(isResource: true, isOpaque: false, held: _types.DbContext is { } context ? new List<ITypeSymbol> { context } : null);
        }

        return new Node(isResource: false, isOpaque: false, held: new List<ITypeSymbol> { _types.Queryable! });
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

    /// <summary>
    /// Judges a type and everything it holds in one pass over the type graph. Types that hold each other (a cycle) are
    /// one strongly connected component and share one answer (Tarjan's algorithm, iterative so deep graphs cannot
    /// overflow the stack); every type met is cached.
    /// </summary>
    private sealed class TypeGraphWalk
    {
        private readonly ResourceInference _inference;
        private readonly Dictionary<ITypeSymbol, int> _index = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ITypeSymbol, int> _lowLink = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ITypeSymbol, Node> _nodes = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ITypeSymbol> _onStack = new(SymbolEqualityComparer.Default);
        private readonly Stack<ITypeSymbol> _component = new();

        public TypeGraphWalk(ResourceInference inference)
        {
            _inference = inference;
        }

        public TypeFacts Judge(ITypeSymbol start)
        {
            var work = new Stack<(ITypeSymbol Type, int Next)>();
            Enter(start, work);
            while (work.Count > 0)
            {
                var (type, next) = work.Pop();
                var held = _nodes[type].Held;
                if (held is not null && next < held.Count)
                {
                    work.Push((type, next + 1));
                    var successor = held[next];
                    if (_inference._facts.ContainsKey(successor))
                    {
                        continue;
                    }

                    if (!_index.ContainsKey(successor))
                    {
                        Enter(successor, work);
                    }
                    else if (_onStack.Contains(successor))
                    {
                        _lowLink[type] = Math.Min(_lowLink[type], _index[successor]);
                    }

                    continue;
                }

                if (_lowLink[type] == _index[type])
                {
                    Complete(type);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Type;
                    _lowLink[parent] = Math.Min(_lowLink[parent], _lowLink[type]);
                }
            }

            return _inference._facts.TryGetValue(start, out var facts) ? facts : TypeFacts.Nothing;
        }

        private void Enter(ITypeSymbol type, Stack<(ITypeSymbol, int)> work)
        {
            _index[type] = _lowLink[type] = _index.Count;
            _nodes[type] = _inference.Inspect(type);
            _onStack.Add(type);
            _component.Push(type);
            work.Push((type, 0));
        }

        /// <summary>Pops the component rooted at <paramref name="root"/> and caches its one answer for each of its types.</summary>
        private void Complete(ITypeSymbol root)
        {
            var members = new List<ITypeSymbol>();
            ITypeSymbol member;
            do
            {
                member = _component.Pop();
                _onStack.Remove(member);
                members.Add(member);
            }
            while (!SymbolEqualityComparer.Default.Equals(member, root));

            var resources = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            var opaque = false;
            foreach (var type in members)
            {
                var node = _nodes[type];
                opaque |= node.IsOpaque;
                if (node.IsResource)
                {
                    resources.Add(type);
                }

                if (node.Held is null)
                {
                    continue;
                }

                foreach (var successor in node.Held)
                {
                    // Successors outside this component completed earlier and are cached.
                    if (_inference._facts.TryGetValue(successor, out var known))
                    {
                        opaque |= known.IsOpaque;
                        resources.UnionWith(known.HeldResources);
                    }
                }
            }

            var facts = resources.Count == 0 && !opaque ? TypeFacts.Nothing : new TypeFacts(resources.ToImmutableArray(), opaque);
            foreach (var type in members)
            {
                _inference._facts.TryAdd(type, facts);
            }
        }
    }
}
