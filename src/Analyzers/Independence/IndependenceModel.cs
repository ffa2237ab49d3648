using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using AwaitAnalyzers.Options;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3: when two awaited operations may run at the same time. One instance per compilation
/// (<see cref="IndependenceModels"/>), shared by AWAIT001, AWAIT002 and their fixes. Everything it cannot prove answers
/// "dependent".
/// </summary>
internal sealed class IndependenceModel
{
    /// <summary>Resource inferences keyed by the type lists of the options (docs/design.md §5), so trees with equal lists share one cache.</summary>
    private readonly ConcurrentDictionary<string, ResourceInference> _inferences = new(StringComparer.Ordinal);

    private readonly ImplementationIndex _implementations;

    private IndependenceModel(WellKnownTypes types)
    {
        Types = types;
        _implementations = new ImplementationIndex(types);
        Effects = new EffectAnalysis(types, _implementations);
        Binder = new OperationBinder(types, Effects);
    }

    public WellKnownTypes Types { get; }

    /// <summary>The implementations of abstractions, in source and in references (docs/design.md §3.2), indexed once.</summary>
    public ImplementationIndex Implementations => _implementations;

    /// <summary>What methods in source write (docs/design.md §3.10), cached for the compilation.</summary>
    public EffectAnalysis Effects { get; }

    /// <summary>Awaited statements as the operations this model compares, with their intent (docs/design.md §3.3–§3.5).</summary>
    public OperationBinder Binder { get; }

    public static IndependenceModel? Create(Compilation compilation)
        => WellKnownTypes.Create(compilation) is { } types ? new IndependenceModel(types) : null;

    /// <summary>The resource inference for these options, shared by every tree with the same type lists.</summary>
    public ResourceInference GetResourceInference(AwaitOptions options)
    {
        if (!options.HasTypeLists)
        {
            options = AwaitOptions.Default;
        }

        var key = TypeListsKey(options);
        return _inferences.TryGetValue(key, out var inference)
            ? inference
            : _inferences.GetOrAdd(key, new ResourceInference(Types, _implementations, options));
    }

    private static string TypeListsKey(AwaitOptions options)
    {
        if (!options.HasTypeLists)
        {
            return string.Empty;
        }

        var nonConcurrent = options.NonConcurrentTypes.ToArray();
        var safe = options.ConcurrentSafeTypes.ToArray();
        Array.Sort(nonConcurrent, StringComparer.Ordinal);
        Array.Sort(safe, StringComparer.Ordinal);
        return string.Join(",", nonConcurrent) + "|" + string.Join(",", safe);
    }

    /// <summary>
    /// docs/design.md §3.1, §3.2 and §3.10 for <paramref name="first"/> followed by <paramref name="second"/> in one statement
    /// list: true when the second can start before the first completes and the two can be pending together.
    /// </summary>
    public bool AreIndependent(AwaitedOperation first, AwaitedOperation second, FunctionScope scope)
    {
        using (AnalysisSteps.Time("independence 1 data dependency (data flow of both statements)"))
        {
            if (DataDependency.Exists(first, second, scope.SemanticModel, scope.CancellationToken))
            {
                return false;
            }
        }

        using (AnalysisSteps.Time("independence 2 resource conflict (roots, resource facts)"))
        {
            // An awaited delegate is an unseen callee: it may write what its creator captured, or hold the scoped context (§3.10).
            if (first.InvokesDelegate || second.InvokesDelegate
                || RootsConflict(GetRoots(first, scope), GetRoots(second, scope), scope.Options))
            {
                return false;
            }
        }

        using (AnalysisSteps.Time("independence 3 write conflict (effects of callees)"))
        {
            return !HaveWriteConflict(first, second, scope);
        }
    }

    /// <summary>
    /// docs/design.md §3.2 (a), (b), (c) for two sets of roots. For a loop, both are the roots one iteration shares with the next.
    /// </summary>
    public bool RootsConflict(ImmutableArray<Root> firstRoots, ImmutableArray<Root> secondRoots, AwaitOptions options)
    {
        if (firstRoots.IsDefaultOrEmpty || secondRoots.IsDefaultOrEmpty)
        {
            return false;
        }

        return ResourceConflicts.Between(firstRoots, secondRoots, GetResourceInference(options), Types.ReferencesDataAccessAssembly);
    }

    /// <summary>
    /// docs/design.md §3.2 in a loop: <paramref name="shared"/> roots serve every iteration (the test of two operations, between
    /// an iteration and the next); <paramref name="items"/> are the iteration variable, another instance each time, so
    /// only what its type holds counts: a resource (a) or, with a data-access assembly, something opaque (c).
    /// </summary>
    public bool IterationsConflict(ImmutableArray<Root> shared, ImmutableArray<Root> items, AwaitOptions options)
    {
        if (RootsConflict(shared, shared, options))
        {
            return true;
        }

        if (items.IsDefaultOrEmpty)
        {
            return false;
        }

        return ResourceConflicts.HeldByItems(items, GetResourceInference(options), Types.ReferencesDataAccessAssembly);
    }

    /// <summary>docs/design.md §3.2: the roots of an operation, found once and kept on it.</summary>
    public ImmutableArray<Root> GetRoots(AwaitedOperation operation, FunctionScope scope)
    {
        if (operation.Roots.IsDefault)
        {
            operation.Roots = RootFinder.Find(Types, scope.SemanticModel, operation.Invocation, scope.Body, scope.CancellationToken);
        }

        return operation.Roots;
    }

    /// <summary>docs/design.md §3.10: one writes an object the other reaches (through a callee in source, or a state-changing call).</summary>
    private bool HaveWriteConflict(AwaitedOperation first, AwaitedOperation second, FunctionScope scope)
    {
        var firstWrites = first.Writes ??= SharedWrites.Of(first, this, scope, isOwnLocal: null);
        var secondWrites = second.Writes ??= SharedWrites.Of(second, this, scope, isOwnLocal: null);
        return (!firstWrites.IsEmpty || !secondWrites.IsEmpty)
               && SharedWrites.Conflict(GetRoots(first, scope), firstWrites, GetRoots(second, scope), secondWrites);
    }
}
