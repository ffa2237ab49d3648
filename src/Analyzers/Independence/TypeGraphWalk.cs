using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AwaitAnalyzers.Options;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// Judges a type and everything it holds in one pass over the type graph. Types that hold each other (a cycle) are
/// one strongly connected component and share one answer (Tarjan's algorithm, iterative so deep graphs cannot
/// overflow the stack); every type met is cached.
/// </summary>
internal sealed class TypeGraphWalk
{
    private readonly ResourceInference _inference;
    private readonly Dictionary<ITypeSymbol, int> _index = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, int> _lowLink = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, TypeNode> _nodes = new(SymbolEqualityComparer.Default);
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
                if (_inference.Facts.ContainsKey(successor))
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

        return _inference.Facts.TryGetValue(start, out var facts) ? facts : TypeFacts.Nothing;
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
                if (_inference.Facts.TryGetValue(successor, out var known))
                {
                    opaque |= known.IsOpaque;
                    resources.UnionWith(known.HeldResources);
                }
            }
        }

        var facts = resources.Count == 0 && !opaque ? TypeFacts.Nothing : new TypeFacts(resources.ToImmutableArray(), opaque);
        foreach (var type in members)
        {
            _inference.Facts.TryAdd(type, facts);
        }
    }
}
