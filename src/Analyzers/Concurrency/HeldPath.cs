using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Concurrency;

/// <summary>
/// docs/design.md §7: how an instance of a type holds a resource — the members followed from it to the resource, each given
/// the next, or none when the type is the resource itself.
/// </summary>
internal sealed class HeldPath
{
    public HeldPath(ITypeSymbol resource, ImmutableArray<HeldMember> members)
    {
        Resource = resource;
        Members = members;
    }

    /// <summary>The resource type reached.</summary>
    public ITypeSymbol Resource { get; }

    /// <summary>The members followed, first from the root's type; empty when the root is the resource.</summary>
    public ImmutableArray<HeldMember> Members { get; }

    /// <summary>
    /// True when every member is given by a constructor (dependency injection hands it), so two services built in one scope
    /// are given one scoped instance.
    /// </summary>
    public bool IsInjected
    {
        get
        {
            foreach (var member in Members)
            {
                if (!member.IsInjected)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public HeldPath Behind(HeldMember member) => new(Resource, Members.Insert(0, member));

    /// <summary>"OrderRepository._db": the type whose member is followed first, then the member names; the root's name when none.</summary>
    public string Describe(string rootName)
    {
        if (Members.IsEmpty)
        {
            return rootName;
        }

        var text = new StringBuilder(Members[0].Owner.Name);
        foreach (var member in Members)
        {
            text.Append('.').Append(member.Symbol.Name);
        }

        return text.ToString();
    }
}

/// <summary>One step of a <see cref="HeldPath"/>: a field, an auto-property or a constructor parameter of <see cref="Owner"/>.</summary>
internal readonly struct HeldMember
{
    public HeldMember(INamedTypeSymbol owner, ISymbol symbol, bool isInjected)
    {
        Owner = owner;
        Symbol = symbol;
        IsInjected = isInjected;
    }

    /// <summary>The type that holds the member (an implementation, when the path goes through an abstraction).</summary>
    public INamedTypeSymbol Owner { get; }

    /// <summary>The field, property, or (primary or public) constructor parameter.</summary>
    public ISymbol Symbol { get; }

    /// <summary>True when a constructor of <see cref="Owner"/> is given the member's value.</summary>
    public bool IsInjected { get; }
}
