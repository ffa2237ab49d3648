using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3.2 (d) and §3.5: which application a compilation belongs to — the first segment of its assembly name,
/// and of the namespaces most of its types are declared in (a tool's assembly is often named after its command, its
/// namespaces after the product: <c>crank-pr</c> in <c>Microsoft.Crank.PullRequestBot</c>).
/// </summary>
internal sealed class ApplicationIdentity
{
    private readonly Compilation _compilation;
    private readonly string _assemblyName;

    /// <summary>Worked out on first use: most questions are about assembly names.</summary>
    private string? _namespaceName;

    public ApplicationIdentity(Compilation compilation)
    {
        _compilation = compilation;
        _assemblyName = FirstSegment(compilation.AssemblyName);
    }

    public bool IsOwnAssemblyName(string name) => Matches(_assemblyName, FirstSegment(name));

    /// <summary>A namespace of the application: its first segment is the one most of this compilation's types use.</summary>
    public bool IsOwnNamespace(INamespaceSymbol? ns)
        => ns is { IsGlobalNamespace: false } && Matches(_namespaceName ??= MostCommonNamespace(_compilation), FirstSegment(ns.ToDisplayString()));

    private static bool Matches(string own, string other) => own.Length > 0 && string.Equals(own, other, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The application part of the namespaces this compilation declares its types in, by the number of types. A namespace a
    /// library declares as its own does not count: extension classes are often put in the framework's namespaces.
    /// </summary>
    private static string MostCommonNamespace(Compilation compilation)
    {
        var global = compilation.Assembly.GlobalNamespace;
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<INamespaceSymbol>();
        foreach (var top in global.GetNamespaceMembers())
        {
            pending.Push(top);
        }

        while (pending.Count > 0)
        {
            var ns = pending.Pop();
            var types = ns.GetTypeMembers().Length;
            var name = FirstSegment(ns.ToDisplayString());
            if (types > 0 && !IsALibrarysOwn(compilation, ns, name))
            {
                counts[name] = (counts.TryGetValue(name, out var count) ? count : 0) + types;
            }

            foreach (var inner in ns.GetNamespaceMembers())
            {
                pending.Push(inner);
            }
        }

        var best = string.Empty;
        var most = 0;
        foreach (var pair in counts)
        {
            if (pair.Value > most || (pair.Value == most && string.CompareOrdinal(pair.Key, best) < 0))
            {
                best = pair.Key;
                most = pair.Value;
            }
        }

        return best;
    }

    /// <summary>A namespace a referenced assembly declares as its own (named like it: <c>Microsoft.Extensions.*</c> in <c>Microsoft.Extensions.Logging</c>).</summary>
    private static bool IsALibrarysOwn(Compilation compilation, INamespaceSymbol ns, string name)
    {
        if (compilation.GetCompilationNamespace(ns) is not { } merged)
        {
            return false;
        }

        foreach (var constituent in merged.ConstituentNamespaces)
        {
            if (constituent.ContainingAssembly is { } assembly
                && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly)
                && Matches(name, FirstSegment(assembly.Name)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The part of an assembly or namespace name that names its application: the first segment (<c>Shop</c> of
    /// <c>Shop.Web</c>), or the first two under a vendor's own prefix (<c>Microsoft.Crank</c> of <c>Microsoft.Crank.Agent</c>),
    /// which the vendor's libraries share (<c>Microsoft.Extensions.Http</c>).
    /// </summary>
    private static string FirstSegment(string? name)
    {
        if (name is null)
        {
            return string.Empty;
        }

        var dot = name.IndexOf('.');
        if (dot < 0)
        {
            return name;
        }

        var first = name.Substring(0, dot);
        if (first is "Microsoft" or "System" or "Azure" or "Google" or "Amazon" or "AWSSDK")
        {
            var second = name.IndexOf('.', dot + 1);
            return second < 0 ? name : name.Substring(0, second);
        }

        return first;
    }
}
