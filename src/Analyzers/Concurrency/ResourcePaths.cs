using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using AwaitAnalyzers.Independence;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Concurrency;

/// <summary>
/// docs/design.md §7: the resources an instance of a type provably holds, and through which members — only what is seen
/// (fields, auto-properties, constructor parameters in source; public constructor parameters of a referenced class; an
/// abstraction whose every visible implementation holds the same resource). Nothing is guessed: an opaque type holds no
/// path. One per resource inference (compilation and type options); every type's answer is cached.
/// </summary>
internal sealed class ResourcePaths
{
    private const int MaxDepth = 4;

    /// <summary>Channel writers are made for concurrent writers by default: an ordering resource for AWAIT001/002, not a race.</summary>
    private const string ChannelWriter = "System.Threading.Channels.ChannelWriter`1";

    private readonly ResourceInference _inference;
    private readonly ImplementationIndex _implementations;
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<HeldPath>> _paths = new(SymbolEqualityComparer.Default);

    public ResourcePaths(ResourceInference inference, ImplementationIndex implementations, Compilation compilation)
    {
        _inference = inference;
        _implementations = implementations;
        _compilation = compilation;
    }

    /// <summary>The paths from an instance of <paramref name="type"/> to the resources it holds; empty when none is proven.</summary>
    public ImmutableArray<HeldPath> Of(ITypeSymbol type)
        => _paths.TryGetValue(type, out var paths)
            ? paths
            : _paths.GetOrAdd(type, t => Find(t, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), depth: 0));

    private ImmutableArray<HeldPath> Find(ITypeSymbol type, HashSet<ITypeSymbol> visiting, int depth)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind is TypeKind.Error or TypeKind.Delegate or TypeKind.Enum || named.IsValueType)
        {
            return ImmutableArray<HeldPath>.Empty;
        }

        if (IsResource(named))
        {
            return ImmutableArray.Create(new HeldPath(named, ImmutableArray<HeldMember>.Empty));
        }

        if (depth >= MaxDepth || _inference.IsKnownSafe(named) || _inference.GetFacts(named).HeldResources.IsEmpty || !visiting.Add(named))
        {
            return ImmutableArray<HeldPath>.Empty;
        }

        try
        {
            if (named.TypeKind == TypeKind.Interface || named.IsAbstract)
            {
                return ThroughImplementations(named, visiting, depth);
            }

            var builder = ImmutableArray.CreateBuilder<HeldPath>();
            if (IsDeclaredInCompilation(named))
            {
                AddSourceMembers(named, builder, visiting, depth);
            }
            else if (!IsFramework(named))
            {
                // A class from a referenced assembly holds what its public constructors are given.
                foreach (var constructor in named.InstanceConstructors)
                {
                    if (constructor.DeclaredAccessibility == Accessibility.Public)
                    {
                        foreach (var parameter in constructor.Parameters)
                        {
                            AddBehind(new HeldMember(named, parameter, isInjected: true), parameter.Type, builder, visiting, depth);
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }
        finally
        {
            visiting.Remove(named);
        }
    }

    /// <summary>
    /// Duplex streams serve one reader and one writer at the same time (a relay pumps both ways at once); which of the two
    /// an operation is cannot be told from what it reaches, so they prove nothing.
    /// </summary>
    private static readonly string[] DuplexStreams =
    {
        "System.Net.Sockets.NetworkStream",
        "System.Net.Security.AuthenticatedStream",
        "System.IO.Pipes.PipeStream",
        "System.Net.Quic.QuicStream",
    };

    private bool IsResource(INamedTypeSymbol type)
        => _inference.IsResourceType(type) && ResourceInference.FullMetadataName(type.OriginalDefinition) != ChannelWriter
           && !IsDuplexStream(type);

    private static bool IsDuplexStream(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (System.Array.IndexOf(DuplexStreams, ResourceInference.FullMetadataName(current)) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An abstraction holds a resource when every visible implementation holds that one type; the first one's path is shown.</summary>
    private ImmutableArray<HeldPath> ThroughImplementations(INamedTypeSymbol abstraction, HashSet<ITypeSymbol> visiting, int depth)
    {
        var implementations = new List<INamedTypeSymbol>(_implementations.InSource(abstraction));
        implementations.AddRange(_implementations.InReferences(abstraction));
        if (implementations.Count == 0)
        {
            return ImmutableArray<HeldPath>.Empty;
        }

        var first = Find(implementations[0], visiting, depth + 1);
        var builder = ImmutableArray.CreateBuilder<HeldPath>();
        foreach (var path in first)
        {
            var everyOne = true;
            for (var i = 1; i < implementations.Count && everyOne; i++)
            {
                everyOne = Reaches(Find(implementations[i], visiting, depth + 1), path.Resource, path.IsInjected);
            }

            if (everyOne)
            {
                builder.Add(path);
            }
        }

        return builder.ToImmutable();
    }

    private static bool Reaches(ImmutableArray<HeldPath> paths, ITypeSymbol resource, bool injected)
    {
        foreach (var path in paths)
        {
            if (SymbolEqualityComparer.Default.Equals(path.Resource, resource) && (!injected || path.IsInjected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Instance fields (auto-properties named as such) and primary-constructor parameters, down the base chain in source.</summary>
    private void AddSourceMembers(INamedTypeSymbol type, ImmutableArray<HeldPath>.Builder builder, HashSet<ITypeSymbol> visiting, int depth)
    {
        for (var current = type; current is not null && IsDeclaredInCompilation(current); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false } field)
                {
                    ISymbol shown = field.AssociatedSymbol as IPropertySymbol ?? (ISymbol)field;
                    AddBehind(new HeldMember(current, shown, IsGivenByConstructor(current, field.Type)), field.Type, builder, visiting, depth);
                }
            }

            if (PrimaryConstructor(current) is { } primary)
            {
                foreach (var parameter in primary.Parameters)
                {
                    AddBehind(new HeldMember(current, parameter, isInjected: true), parameter.Type, builder, visiting, depth);
                }
            }
        }
    }

    private void AddBehind(HeldMember member, ITypeSymbol memberType, ImmutableArray<HeldPath>.Builder builder, HashSet<ITypeSymbol> visiting, int depth)
    {
        foreach (var path in Find(memberType, visiting, depth + 1))
        {
            builder.Add(path.Behind(member));
        }
    }

    /// <summary>The constructor declared by the type's own parameter list (<c>class Repository(AppDbContext db)</c>), if any.</summary>
    public static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol type)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax)
                {
                    return constructor;
                }
            }
        }

        return null;
    }

    /// <summary>True when a constructor of <paramref name="type"/> takes a parameter of <paramref name="memberType"/>.</summary>
    public static bool IsGivenByConstructor(INamedTypeSymbol type, ITypeSymbol memberType)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, memberType))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsDeclaredInCompilation(INamedTypeSymbol type)
        => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly);

    /// <summary><c>System</c> and <c>Microsoft.Extensions</c> types hold nothing of the user's that can be shown (docs/design.md §3.2).</summary>
    private static bool IsFramework(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal)
               || ns == "Microsoft.Extensions" || ns.StartsWith("Microsoft.Extensions.", System.StringComparison.Ordinal);
    }
}
