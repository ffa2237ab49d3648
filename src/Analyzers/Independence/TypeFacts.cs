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

/// <summary>What one type is by itself, before what it holds is judged.</summary>
internal readonly struct TypeNode
{
    public TypeNode(bool isResource, bool isOpaque, List<ITypeSymbol>? held)
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
