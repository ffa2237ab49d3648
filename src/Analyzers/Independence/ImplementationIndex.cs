using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3.2: the classes and structs that implement an interface or derive from an abstract class, in the compilation
/// and in its referenced assemblies. One per compilation, built lazily: the source part on first use, the referenced part
/// per declaring assembly, only for the assemblies that can implement its types (the assembly itself and those referencing it).
/// A referenced assembly of the application itself (<see cref="WellKnownTypes.IsOwnCode"/>) shows all its types, internal ones
/// included: its reference assembly keeps every type (only non-public members are dropped), and the IDE holds it as source.
/// </summary>
internal sealed class ImplementationIndex
{
    private readonly Compilation _compilation;
    private readonly WellKnownTypes _types;
    private readonly Lazy<Dictionary<ISymbol, List<INamedTypeSymbol>>> _source;
    private readonly Lazy<Dictionary<ISymbol, List<INamedTypeSymbol>>> _derived;
    private readonly ConcurrentDictionary<IAssemblySymbol, Lazy<Dictionary<ISymbol, List<INamedTypeSymbol>>>> _referenced = new(SymbolEqualityComparer.Default);

    public ImplementationIndex(WellKnownTypes types)
    {
        _types = types;
        _compilation = types.Compilation;
        _source = new Lazy<Dictionary<ISymbol, List<INamedTypeSymbol>>>(BuildSourceIndex, isThreadSafe: true);
        _derived = new Lazy<Dictionary<ISymbol, List<INamedTypeSymbol>>>(BuildDerivedIndex, isThreadSafe: true);
    }

    /// <summary>Concrete types declared in the compilation that implement or derive from <paramref name="abstraction"/>.</summary>
    public IReadOnlyList<INamedTypeSymbol> InSource(INamedTypeSymbol abstraction)
        => Find(_source.Value, abstraction);

    /// <summary>
    /// Concrete types declared in the compilation that derive from the class <paramref name="type"/>, abstract or not: the
    /// types whose overrides a virtual call on it may reach (docs/design.md §3.10).
    /// </summary>
    public IReadOnlyList<INamedTypeSymbol> DerivedInSource(INamedTypeSymbol type)
        => Find(_derived.Value, type);

    /// <summary>
    /// Concrete types of the referenced assemblies that implement or derive from <paramref name="abstraction"/>: the public ones,
    /// and in the application's own assemblies the internal ones too.
    /// </summary>
    public IReadOnlyList<INamedTypeSymbol> InReferences(INamedTypeSymbol abstraction)
    {
        var assembly = abstraction.OriginalDefinition.ContainingAssembly;
        if (assembly is null)
        {
            return Array.Empty<INamedTypeSymbol>();
        }

        var index = _referenced.GetOrAdd(
            assembly,
            a => new Lazy<Dictionary<ISymbol, List<INamedTypeSymbol>>>(() => BuildReferencedIndex(a), isThreadSafe: true));
        return Find(index.Value, abstraction);
    }

    private static IReadOnlyList<INamedTypeSymbol> Find(Dictionary<ISymbol, List<INamedTypeSymbol>> index, INamedTypeSymbol abstraction)
        => index.TryGetValue(abstraction.OriginalDefinition, out var found) ? found : Array.Empty<INamedTypeSymbol>();

    private Dictionary<ISymbol, List<INamedTypeSymbol>> BuildSourceIndex()
    {
        using var step = AnalysisSteps.Time("implementations: index of the compilation's types");
        var index = new Dictionary<ISymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        foreach (var type in ConcreteTypes(_compilation.Assembly.GlobalNamespace, publicOnly: false))
        {
            AddAbstractions(index, type, declaredIn: null);
        }

        return index;
    }

    private Dictionary<ISymbol, List<INamedTypeSymbol>> BuildDerivedIndex()
    {
        using var step = AnalysisSteps.Time("implementations: index of the compilation's derived classes");
        var index = new Dictionary<ISymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        foreach (var type in ConcreteTypes(_compilation.Assembly.GlobalNamespace, publicOnly: false))
        {
            for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, _compilation.Assembly))
                {
                    Add(index, current.OriginalDefinition, type, declaredIn: null);
                }
            }
        }

        return index;
    }

    /// <summary>Only the assembly itself and the assemblies that reference it can implement its types.</summary>
    private Dictionary<ISymbol, List<INamedTypeSymbol>> BuildReferencedIndex(IAssemblySymbol declaring)
    {
        using var step = AnalysisSteps.Time("implementations: index of referenced types (per declaring assembly)");
        var index = new Dictionary<ISymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!SymbolEqualityComparer.Default.Equals(assembly, declaring) && !References(assembly, declaring))
            {
                continue;
            }

            // A package's reference assembly may keep only its public types: count only those, so every build agrees. A project
            // of the same application is compiled to a reference assembly that keeps every type, and the IDE holds it as source:
            // there its internal implementations (a store given the scoped context) are seen too, each by its public
            // constructors (docs/design.md §3.2).
            foreach (var type in ConcreteTypes(assembly.GlobalNamespace, publicOnly: !_types.IsOwnAssembly(assembly)))
            {
                AddAbstractions(index, type, declaring);
            }
        }

        return index;
    }

    private static bool References(IAssemblySymbol assembly, IAssemblySymbol target)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblySymbols)
            {
                if (SymbolEqualityComparer.Default.Equals(referenced, target))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AddAbstractions(Dictionary<ISymbol, List<INamedTypeSymbol>> index, INamedTypeSymbol type, IAssemblySymbol? declaredIn)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current.IsAbstract)
            {
                Add(index, current.OriginalDefinition, type, declaredIn);
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            Add(index, @interface.OriginalDefinition, type, declaredIn);
        }
    }

    private static void Add(Dictionary<ISymbol, List<INamedTypeSymbol>> index, INamedTypeSymbol abstraction, INamedTypeSymbol implementation, IAssemblySymbol? declaredIn)
    {
        if (declaredIn is not null && !SymbolEqualityComparer.Default.Equals(abstraction.ContainingAssembly, declaredIn))
        {
            return;
        }

        if (!index.TryGetValue(abstraction, out var list))
        {
            list = new List<INamedTypeSymbol>();
            index.Add(abstraction, list);
        }

        list.Add(implementation);
    }

    private static IEnumerable<INamedTypeSymbol> ConcreteTypes(INamespaceSymbol root, bool publicOnly)
    {
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            foreach (var member in stack.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    stack.Push(ns);
                    continue;
                }

                if (member is not INamedTypeSymbol type || (publicOnly && type.DeclaredAccessibility != Accessibility.Public))
                {
                    continue;
                }

                stack.Push(type);
                if (type.TypeKind is TypeKind.Class or TypeKind.Struct && !type.IsAbstract && !type.IsStatic)
                {
                    yield return type;
                }
            }
        }
    }
}
