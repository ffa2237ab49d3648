using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>Effect summaries, one per method, computed on first use and cached for the compilation.</summary>
internal sealed class EffectAnalysis
{
    /// <summary>Calls in source followed below the method asked about; deeper ones are judged by their names.</summary>
    private const int MaxDepth = 3;

    /// <summary>Leading words that change the receiver, beyond the command verbs: collections, builders, state machines.</summary>
    private static readonly ImmutableHashSet<string> MutatingWords = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Append", "Clear", "Enqueue", "Dequeue", "Pop", "Increment", "Decrement", "Mark", "Succeed", "Fail", "Attach",
        "Detach", "Merge", "Sort", "Reverse", "Init", "Initialize", "Track", "Accept", "Open", "Connect", "Seek",
        "Invalidate", "Evict");

    /// <summary>Names whose first word alone says nothing (<c>TryGetValue</c> reads) but which change a collection.</summary>
    private static readonly string[] MutatingPrefixes = { "TryAdd", "TryRemove", "TryUpdate", "TryDequeue", "TryPop", "TryTake", "GetOrAdd", "AddOrUpdate" };

    private readonly WellKnownTypes _types;
    private readonly ImplementationIndex _implementations;

    internal WellKnownTypes Types => _types;
    private readonly ConcurrentDictionary<IMethodSymbol, EffectSummary> _summaries = new(SymbolEqualityComparer.Default);

    /// <summary>Overridable methods' own bodies, for the calls that do not dispatch (<c>base.M()</c>).</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, EffectSummary> _bodies = new(SymbolEqualityComparer.Default);

    public EffectAnalysis(WellKnownTypes types, ImplementationIndex implementations)
    {
        _types = types;
        _implementations = implementations;
    }

    /// <summary>The summary of a method in source; null when its body is not in this compilation (judge it by name).</summary>
    public EffectSummary? Of(IMethodSymbol method, CancellationToken cancellationToken)
        => Of(method.OriginalDefinition, depth: 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken);

    /// <summary>docs/design.md §3.10: a call not in source changes its receiver when its name starts with a state-changing verb.</summary>
    public static bool NameSaysItWrites(IMethodSymbol method)
    {
        var name = method.Name;
        var word = OperationNames.FirstWord(name);
        if (OperationNames.IsCommandVerb(word) || MutatingWords.Contains(word))
        {
            return true;
        }

        foreach (var prefix in MutatingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The summary at a depth below the method first asked about; null past the bound or on a cycle. A call that dispatches
    /// virtually (<paramref name="dispatch"/>) also reaches the overrides in source; <c>base.M()</c> runs the one body.
    /// </summary>
    internal EffectSummary? Of(IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken, bool dispatch = true)
    {
        var overridable = CanBeOverridden(method);
        var cache = overridable && !dispatch ? _bodies : _summaries;
        if (cache.TryGetValue(method, out var known))
        {
            return known;
        }

        if (depth > MaxDepth || !visiting.Add(method))
        {
            return null; // judged by name where it is called; not cached, a shallower question may see it whole
        }

        var body = BodyOf(method, cancellationToken);
        if (body is null)
        {
            var combined = OfImplementations(method, depth, visiting, cancellationToken);
            visiting.Remove(method);
            return combined is null ? null : _summaries.GetOrAdd(method, combined);
        }

        var summary = new EffectSummarizer(this, method, depth, visiting, cancellationToken).Summarize(body);
        visiting.Remove(method); // an override's base.M() reads this body again, as a call of its own
        var whole = overridable && dispatch ? WithOverrides(method, summary, depth, visiting, cancellationToken) : summary;
        return whole is null ? null : cache.GetOrAdd(method, whole);
    }

    /// <summary>A virtual or overriding method of a class declared here that a class in source may override again.</summary>
    private bool CanBeOverridden(IMethodSymbol method)
        => (method.IsVirtual || method.IsOverride) && !method.IsSealed && method.ContainingType is { TypeKind: TypeKind.Class, IsSealed: false } type
           && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _types.Compilation.Assembly);

    /// <summary>
    /// docs/design.md §3.10: a virtual method writes what its own body or any override in source writes (a visitor whose base
    /// methods do nothing, overridden to write one buffer). Null when an override cannot be summarised (judged by name).
    /// </summary>
    private EffectSummary? WithOverrides(IMethodSymbol method, EffectSummary own, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
    {
        var derived = _implementations.DerivedInSource(method.ContainingType);
        if (derived.Count == 0)
        {
            return own;
        }

        var summaries = new List<EffectSummary> { own };
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method.OriginalDefinition };
        foreach (var type in derived)
        {
            if (FindOverride(type, method) is not { } member || !seen.Add(member.OriginalDefinition))
            {
                continue;
            }

            if (summaries.Count > 8 || Of(member.OriginalDefinition, depth + 1, visiting, cancellationToken, dispatch: false) is not { } summary)
            {
                return null;
            }

            summaries.Add(summary);
        }

        return Combine(summaries, method.Parameters.Length);
    }

    /// <summary>
    /// An interface or abstract member of a type declared here, whose implementations are all in source: what any of them
    /// writes. Null when one is elsewhere or has no body (judged by name).
    /// </summary>
    private EffectSummary? OfImplementations(IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
    {
        if (!(method.IsAbstract || method.IsVirtual) || method.ContainingType is not { } type
            || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _types.Compilation.Assembly))
        {
            return null;
        }

        var implementations = _implementations.InSource(type);
        if (implementations.Count == 0 || implementations.Count > 8)
        {
            return null;
        }

        var summaries = new List<EffectSummary>();
        foreach (var implementation in implementations)
        {
            var member = type.TypeKind == TypeKind.Interface
                ? implementation.FindImplementationForInterfaceMember(method) as IMethodSymbol
                : FindOverride(implementation, method);
            if (member is not null && SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, method.OriginalDefinition))
            {
                continue; // a class that does not override it (code being typed, CS0534) has no body of its own to read
            }

            var summary = member is null ? null : Of(member.OriginalDefinition, depth + 1, visiting, cancellationToken);
            if (summary is null)
            {
                return null;
            }

            summaries.Add(summary);
        }

        return summaries.Count == 0 ? null : Combine(summaries, method.Parameters.Length);
    }

    private static IMethodSymbol? FindOverride(INamedTypeSymbol implementation, IMethodSymbol method)
    {
        for (var current = implementation; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(method.Name))
            {
                for (var candidate = member as IMethodSymbol; candidate is not null; candidate = candidate.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method.OriginalDefinition))
                    {
                        return (IMethodSymbol)member;
                    }
                }
            }
        }

        return null;
    }

    private static EffectSummary Combine(List<EffectSummary> summaries, int parameterCount)
    {
        var parameters = new bool[parameterCount];
        bool writesThis = false, writesStatic = false, writesCaptured = false;
        var waits = WaitKind.Nothing;
        foreach (var summary in summaries)
        {
            writesThis |= summary.WritesThis;
            writesStatic |= summary.WritesStatic;
            writesCaptured |= summary.WritesCaptured;
            waits = waits.AndThen(summary.Waits);
            for (var i = 0; i < parameterCount; i++)
            {
                parameters[i] |= summary.WritesArgument(i);
            }
        }

        return new EffectSummary(writesThis, writesStatic, writesCaptured, parameters.ToImmutableArray(), waits);
    }

    /// <summary>The bound body of a method declared in this compilation, or null (metadata, abstract, extern, partial without body).</summary>
    private IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty
            || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _types.Compilation.Assembly))
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            SyntaxNode? body = syntax switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                ArrowExpressionClauseSyntax arrow => arrow,
                _ => null,
            };
            if (body is null || !_types.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

#pragma warning disable RS1030 // The callee may be in another tree; its summary is computed once and cached for the compilation.
            var model = _types.Compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            var operation = model.GetOperation(syntax, cancellationToken);
            if (operation is not null && !operation.HasErrors(cancellationToken))
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>The base of a member chain: what a write to <paramref name="target"/> changes, seen from <paramref name="method"/>.</summary>
    public static (WrittenBase Base, int Ordinal) BaseOf(IOperation? target, ISymbol? method)
    {
        switch (target is null ? null : ChainBase(target))
        {
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                return (WrittenBase.Own, -1); // an object or collection initializer writes the new object
            case IInstanceReferenceOperation:
                return (WrittenBase.This, -1);
            case IParameterReferenceOperation parameter:
                return SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method)
                    ? (WrittenBase.Parameter, parameter.Parameter.Ordinal)
                    : parameter.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor }
                        ? (WrittenBase.This, -1) // a primary constructor's parameter, read from a member: the instance's state
                        : (WrittenBase.Captured, -1);
            case ILocalReferenceOperation local:
                return method is null || SymbolEqualityComparer.Default.Equals(local.Local.ContainingSymbol, method)
                    ? (WrittenBase.Own, -1)
                    : (WrittenBase.Captured, -1);
            case IMemberReferenceOperation:
                return (WrittenBase.Static, -1); // a member chain that starts at a static member
            default:
                return (WrittenBase.Own, -1); // a new object, a method's result, a completed await
        }
    }

    /// <summary>
    /// The start of a member chain: <c>this._cache[id]</c> → this, <c>item.Attachments</c> → item, <c>Registry.Items</c> →
    /// the static member. Elements, conversions and parentheses are looked through.
    /// </summary>
    public static IOperation ChainBase(IOperation operation) => ChainBase(operation, out _);

    /// <summary>The start of a member chain, and the member read from it (<c>this._cache[id]</c> → this and <c>_cache</c>).</summary>
    public static IOperation ChainBase(IOperation operation, out IMemberReferenceOperation? memberOfBase)
    {
        memberOfBase = null;
        var current = operation;
        while (true)
        {
            switch (current)
            {
                case IMemberReferenceOperation { Instance: { } instance } member:
                    memberOfBase = member;
                    current = instance;
                    break;
                case IArrayElementReferenceOperation element:
                    current = element.ArrayReference;
                    break;
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    break;
                default:
                    return current;
            }
        }
    }

    /// <summary>The receiver a call acts on: its instance, or the first argument of an extension method.</summary>
    public static IOperation? ReceiverOf(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance;
        }

        return invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
    }

    /// <summary>
    /// True when a call changes its receiver: a call in source whose summary writes its instance, or one elsewhere whose name
    /// says it writes. Known-safe receivers (HttpClient, loggers…) are never changed.
    /// </summary>
    /// <param name="isKnownSafe">The known-safe test of the options in force; summaries use the built-in list.</param>
    public bool WritesReceiver(IInvocationOperation invocation, EffectSummary? summary, Func<ITypeSymbol, bool>? isKnownSafe = null)
    {
        if (ReceiverOf(invocation)?.Type is { } receiverType && (isKnownSafe ?? _types.IsBuiltInKnownSafe)(receiverType))
        {
            return false;
        }

        if (summary is not null)
        {
            return invocation.TargetMethod.IsExtensionMethod ? summary.WritesArgument(0) : summary.WritesThis;
        }

        return NameSaysItWrites(invocation.TargetMethod);
    }
}

internal static class MethodSymbolExtensions
{
    /// <summary>An async method returning IAsyncEnumerable: it yields over time whatever it awaits.</summary>
    public static bool IsAsyncIteratorLike(this IMethodSymbol method)
        => method.ReturnType is INamedTypeSymbol { Name: "IAsyncEnumerable" or "IAsyncEnumerator" };
}
