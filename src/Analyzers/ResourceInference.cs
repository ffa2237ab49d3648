using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers;

/// <summary>What DESIGN §3.2 says of one type: the resource types it holds, and whether it is opaque.</summary>
internal sealed class TypeFacts
{
    public static readonly TypeFacts Nothing = new(ImmutableArray<ITypeSymbol>.Empty, isOpaque: false);

    public TypeFacts(ImmutableArray<ITypeSymbol> heldResources, bool isOpaque)
    {
        HeldResources = heldResources;
        IsOpaque = isOpaque;
    }

    /// <summary>The resource types reachable from the type (itself, its fields, properties and constructor parameters, transitively).</summary>
    public ImmutableArray<ITypeSymbol> HeldResources { get; }

    public bool IsOpaque { get; }
}

/// <summary>
/// DESIGN §3.2: which types hold a non-thread-safe resource and which are opaque. One instance per compilation and
/// per set of type options; every answer is cached per type, so each type is inspected once.
/// </summary>
internal sealed class ResourceInference
{
    private readonly WellKnownTypes _types;
    private readonly AwaitOptions _options;
    private readonly ConcurrentDictionary<ITypeSymbol, TypeFacts> _facts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<ITypeSymbol>> _held = new(SymbolEqualityComparer.Default);
    private ImmutableArray<INamedTypeSymbol> _sourceTypes;

    public ResourceInference(WellKnownTypes types, AwaitOptions options)
    {
        _types = types;
        _options = options;
    }

    public TypeFacts GetFacts(ITypeSymbol type) => _facts.GetOrAdd(type, ComputeFacts);

    /// <summary>True when an instance of <paramref name="a"/> and one of <paramref name="b"/> could be the same object.</summary>
    public static bool SameResource(ITypeSymbol a, ITypeSymbol b)
        => SymbolEqualityComparer.Default.Equals(a, b) || InheritsFromOrImplements(a, b) || InheritsFromOrImplements(b, a);

    public bool IsKnownSafe(ITypeSymbol type)
    {
        foreach (var candidate in SelfAndBases(type))
        {
            var definition = candidate.OriginalDefinition;
            foreach (var safe in _types.KnownSafeTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(definition, safe))
                {
                    return true;
                }
            }

            if (_options.ConcurrentSafeTypes.Count > 0 && _options.ConcurrentSafeTypes.Contains(FullMetadataName(definition)))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsResourceType(ITypeSymbol type)
    {
        if (IsKnownSafe(type))
        {
            return false;
        }

        foreach (var candidate in SelfAndBases(type))
        {
            var definition = candidate.OriginalDefinition;
            foreach (var resource in _types.ResourceTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(definition, resource))
                {
                    return true;
                }
            }

            if (_options.NonConcurrentTypes.Count > 0 && _options.NonConcurrentTypes.Contains(FullMetadataName(definition)))
            {
                return true;
            }
        }

        return false;
    }

    private TypeFacts ComputeFacts(ITypeSymbol type)
    {
        if (IsKnownSafe(type))
        {
            return TypeFacts.Nothing;
        }

        var held = GetHeldResources(type);
        return new TypeFacts(held, held.IsEmpty && IsOpaque(type));
    }

    /// <summary>DESIGN §3.2 "opaque": not in source, not a System / Microsoft.Extensions type, not known safe.</summary>
    private bool IsOpaque(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return GetFacts(array.ElementType).IsOpaque;
            case ITypeParameterSymbol parameter:
                return parameter.ConstraintTypes.Any(c => GetFacts(c).IsOpaque);
            case INamedTypeSymbol named:
                if (IsInSource(named) || IsFrameworkNamespace(named.ContainingNamespace))
                {
                    return false;
                }

                return true;
            default:
                return false;
        }
    }

    private ImmutableArray<ITypeSymbol> GetHeldResources(ITypeSymbol type)
    {
        if (_held.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var found = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var stack = new Stack<ITypeSymbol>();
        stack.Push(type);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!visited.Add(current))
            {
                continue;
            }

            if (!SymbolEqualityComparer.Default.Equals(current, type) && _held.TryGetValue(current, out var known))
            {
                found.UnionWith(known);
                continue;
            }

            if (IsKnownSafe(current))
            {
                continue;
            }

            if (IsResourceType(current))
            {
                found.Add(current);
                continue;
            }

            foreach (var next in HeldMemberTypes(current))
            {
                stack.Push(next);
            }
        }

        var result = found.ToImmutableArray();
        return _held.GetOrAdd(type, result);
    }

    /// <summary>The types a type is made of: what its instances are given and keep.</summary>
    private IEnumerable<ITypeSymbol> HeldMemberTypes(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                yield return array.ElementType;
                yield break;
            case ITypeParameterSymbol parameter:
                foreach (var constraint in parameter.ConstraintTypes)
                {
                    yield return constraint;
                }

                yield break;
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    if (argument.TypeKind != TypeKind.TypeParameter)
                    {
                        yield return argument;
                    }
                }

                if (!IsInSource(named))
                {
                    yield break;
                }

                if (named.BaseType is { SpecialType: SpecialType.None } baseType)
                {
                    yield return baseType;
                }

                foreach (var member in named.OriginalDefinition.GetMembers())
                {
                    switch (member)
                    {
                        case IFieldSymbol { IsStatic: false } field:
                            yield return field.Type;
                            break;
                        case IPropertySymbol { IsStatic: false } property when IsAutoProperty(property):
                            yield return property.Type;
                            break;
                        case IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor:
                            foreach (var parameter in constructor.Parameters)
                            {
                                yield return parameter.Type;
                            }

                            break;
                    }
                }

                if (named.TypeKind == TypeKind.Interface || named.IsAbstract)
                {
                    foreach (var implementation in SourceImplementations(named))
                    {
                        yield return implementation;
                    }
                }

                yield break;
        }
    }

    private IEnumerable<INamedTypeSymbol> SourceImplementations(INamedTypeSymbol abstraction)
    {
        var definition = abstraction.OriginalDefinition;
        foreach (var candidate in GetSourceTypes())
        {
            if (!SymbolEqualityComparer.Default.Equals(candidate, definition) && InheritsFromOrImplements(candidate, definition))
            {
                yield return candidate;
            }
        }
    }

    private ImmutableArray<INamedTypeSymbol> GetSourceTypes()
    {
        if (_sourceTypes.IsDefault)
        {
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            CollectTypes(_types.Compilation.Assembly.GlobalNamespace, builder);
            ImmutableInterlockedInitialize(ref _sourceTypes, builder.ToImmutable());
        }

        return _sourceTypes;
    }

    private static void ImmutableInterlockedInitialize(ref ImmutableArray<INamedTypeSymbol> location, ImmutableArray<INamedTypeSymbol> value)
        => ImmutableInterlocked.InterlockedInitialize(ref location, value);

    private static void CollectTypes(INamespaceOrTypeSymbol container, ImmutableArray<INamedTypeSymbol>.Builder builder)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                CollectTypes(ns, builder);
            }
            else if (member is INamedTypeSymbol type)
            {
                if (type.TypeKind is TypeKind.Class or TypeKind.Struct)
                {
                    builder.Add(type);
                }

                CollectTypes(type, builder);
            }
        }
    }

    private static bool IsAutoProperty(IPropertySymbol property)
    {
        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsInSource(ISymbol symbol) => symbol.Locations.Any(l => l.IsInSource);

    private static bool IsFrameworkNamespace(INamespaceSymbol? ns)
    {
        var name = ns?.ToDisplayString() ?? string.Empty;
        return name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal)
            || name == "Microsoft.Extensions" || name.StartsWith("Microsoft.Extensions.", System.StringComparison.Ordinal);
    }

    private static IEnumerable<ITypeSymbol> SelfAndBases(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            yield return @interface;
        }
    }

    private static bool InheritsFromOrImplements(ITypeSymbol type, ITypeSymbol baseType)
    {
        var definition = baseType.OriginalDefinition;
        foreach (var candidate in SelfAndBases(type))
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
