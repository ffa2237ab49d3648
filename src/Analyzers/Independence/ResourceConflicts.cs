using System.Collections.Immutable;

namespace AwaitAnalyzers.Independence;

/// <summary>docs/design.md §3.2: the conflicts (a) to (d) between the roots of operations, judged by what their types hold.</summary>
internal static class ResourceConflicts
{
    /// <summary>(a) to (d) for two non-empty sets of roots. For a loop, both are the roots one iteration shares with the next.</summary>
    public static bool Between(ImmutableArray<Root> firstRoots, ImmutableArray<Root> secondRoots, ResourceInference inference, bool referencesDataAccess)
    {
        var firstFacts = Judge(inference, firstRoots);
        var secondFacts = Judge(inference, secondRoots);

        // (c): unseen implementations may hold a scoped connection.
        if (referencesDataAccess && (AnyOpaque(firstFacts) || AnyOpaque(secondFacts)))
        {
            return true;
        }

        // (d): two unseen implementations of the application's own abstractions, one behind each operation, may be handed
        // one scoped instance.
        if (AnyOwnOpaque(firstRoots, firstFacts, inference) && AnyOwnOpaque(secondRoots, secondFacts, inference))
        {
            return true;
        }

        for (var i = 0; i < firstRoots.Length; i++)
        {
            for (var j = 0; j < secondRoots.Length; j++)
            {
                // (b): one opaque instance serves both.
                if ((firstFacts[i].IsOpaque || secondFacts[j].IsOpaque) && firstRoots[i].IsSameInstanceAs(secondRoots[j]))
                {
                    return true;
                }

                // (a): dependency injection hands both one scoped instance of a resource type, whatever the receivers.
                if (HoldSameResource(firstFacts[i], secondFacts[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }


    /// <summary>
    /// The iteration variable of a loop, another instance each time: only what its type holds counts, a resource (a) or,
    /// with a data-access assembly, something opaque (c).
    /// </summary>
    public static bool HeldByItems(ImmutableArray<Root> items, ResourceInference inference, bool referencesDataAccess)
    {
        var itemFacts = Judge(inference, items);
        foreach (var facts in itemFacts)
        {
            if (!facts.HeldResources.IsEmpty || (facts.IsOpaque && referencesDataAccess))
            {
                return true;
            }
        }

        return false;
    }

    private static TypeFacts[] Judge(ResourceInference inference, ImmutableArray<Root> roots)
    {
        var facts = new TypeFacts[roots.Length];
        for (var i = 0; i < roots.Length; i++)
        {
            facts[i] = inference.GetFacts(roots[i].Type);
        }

        return facts;
    }

    private static bool AnyOpaque(TypeFacts[] facts)
    {
        foreach (var fact in facts)
        {
            if (fact.IsOpaque)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyOwnOpaque(ImmutableArray<Root> roots, TypeFacts[] facts, ResourceInference inference)
    {
        for (var i = 0; i < roots.Length; i++)
        {
            if (facts[i].IsOpaque && roots[i].Type is { } type && inference.IsOwnCode(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldSameResource(TypeFacts a, TypeFacts b)
    {
        foreach (var heldByA in a.HeldResources)
        {
            foreach (var heldByB in b.HeldResources)
            {
                if (ResourceInference.SameResource(heldByA, heldByB))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
