using System.Collections.Immutable;
using AwaitAnalyzers.Independence;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Concurrency;

/// <summary>An operation that runs while another does: what it is, and the roots it reaches (docs/design.md §3.2).</summary>
internal sealed class RunningOperation
{
    public RunningOperation(IOperation operation, ImmutableArray<Root> roots, SyntaxNode syntax)
    {
        Operation = operation;
        Roots = roots;
        Syntax = syntax;
    }

    public IOperation Operation { get; }

    public ImmutableArray<Root> Roots { get; }

    /// <summary>Where the operation is written: where the diagnostic points.</summary>
    public SyntaxNode Syntax { get; }
}

/// <summary>The one resource instance two running operations provably share, and how each reaches it (docs/design.md §7).</summary>
internal sealed class SharedResource
{
    public SharedResource(ITypeSymbol resource, string firstPath, string secondPath)
    {
        Resource = resource;
        FirstPath = firstPath;
        SecondPath = secondPath;
    }

    public ITypeSymbol Resource { get; }

    public string FirstPath { get; }

    public string SecondPath { get; }

    /// <summary>"through OrderRepository._db and CustomerRepository._db", or "each through _db" for one path.</summary>
    public string DescribeReach()
        => FirstPath == SecondPath ? "each through " + FirstPath : "through " + FirstPath + " and " + SecondPath;
}

/// <summary>
/// docs/design.md §7: proves that two running operations reach one resource instance. Only two proofs count: the same
/// instance (one root, the resource itself or holding it), or two services that dependency injection builds in one scope,
/// each given the same resource type by its constructor. Opaque types hold no path, so they never prove anything.
/// </summary>
internal sealed class SharedResourceProof
{
    private readonly ResourcePaths _paths;
    private readonly MemberUse _use;
    private readonly INamedTypeSymbol? _containingType;

    public SharedResourceProof(ResourcePaths paths, MemberUse use, INamedTypeSymbol? containingType)
    {
        _paths = paths;
        _use = use;
        _containingType = containingType;
    }

    /// <summary>The resource <paramref name="first"/> and <paramref name="second"/> both reach, or null when not proven.</summary>
    public SharedResource? Between(RunningOperation first, RunningOperation second)
    {
        foreach (var a in first.Roots)
        {
            foreach (var b in second.Roots)
            {
                var shared = a.IsProvablySameInstanceAs(b)
                    ? SameInstance(first, a, second, b)
                    : ThroughThis(first, a, second, b, swapped: false) ?? ThroughThis(second, b, first, a, swapped: true) ?? ScopedInstance(first, a, second, b);
                if (shared is not null)
                {
                    return shared;
                }
            }
        }

        return null;
    }

    /// <summary>The resource every run of <paramref name="operation"/> (one lambda run for each item) reaches through the same root.</summary>
    public SharedResource? Within(RunningOperation operation)
    {
        foreach (var root in operation.Roots)
        {
            if (SameInstance(operation, root, operation, root) is { } shared)
            {
                return shared;
            }
        }

        return null;
    }

    private SharedResource? SameInstance(RunningOperation first, Root a, RunningOperation second, Root b)
    {
        if (IsPerCall(a.Symbol, first.Syntax, second.Syntax))
        {
            return null;
        }

        foreach (var path in _paths.Of(a.Type))
        {
            if (_use.Reaches(first.Operation, a.Symbol, path) && _use.Reaches(second.Operation, b.Symbol, path))
            {
                var text = path.Describe(NameOf(a));
                return new SharedResource(path.Resource, text, text);
            }
        }

        return null;
    }

    /// <summary>
    /// <c>this</c> (a method of the type that uses its member) and that member itself (<c>db</c>): one instance, reached by
    /// <paramref name="thisOperation"/> through the member and by <paramref name="memberOperation"/> directly or through what it holds.
    /// </summary>
    private SharedResource? ThroughThis(RunningOperation thisOperation, Root self, RunningOperation memberOperation, Root member, bool swapped)
    {
        if (self.Symbol is not INamedTypeSymbol || member.Symbol is INamedTypeSymbol || !IsInjected(member))
        {
            return null;
        }

        foreach (var path in _paths.Of(self.Type))
        {
            if (!path.Members.IsEmpty
                && SymbolEqualityComparer.Default.Equals(path.Members[0].Symbol, member.Symbol)
                && _use.Reaches(thisOperation.Operation, self.Symbol, path))
            {
                var rest = new HeldPath(path.Resource, path.Members.RemoveAt(0));
                if (_use.Reaches(memberOperation.Operation, member.Symbol, rest))
                {
                    var viaThis = path.Describe(NameOf(self));
                    var direct = rest.Describe(NameOf(member));
                    return swapped ? new SharedResource(path.Resource, direct, viaThis) : new SharedResource(path.Resource, viaThis, direct);
                }
            }
        }

        return null;
    }

    /// <summary>Two services of the function's own type given by its constructor, each given the one resource type by theirs.</summary>
    private SharedResource? ScopedInstance(RunningOperation first, Root a, RunningOperation second, Root b)
    {
        if (!IsInjected(a) || !IsInjected(b))
        {
            return null;
        }

        foreach (var pathA in _paths.Of(a.Type))
        {
            if (pathA.Members.IsEmpty || !pathA.IsInjected)
            {
                continue;
            }

            foreach (var pathB in _paths.Of(b.Type))
            {
                if (!pathB.Members.IsEmpty && pathB.IsInjected
                    && SymbolEqualityComparer.Default.Equals(pathA.Resource, pathB.Resource)
                    && _use.Reaches(first.Operation, a.Symbol, pathA)
                    && _use.Reaches(second.Operation, b.Symbol, pathB))
                {
                    return new SharedResource(pathA.Resource, pathA.Describe(NameOf(a)), pathB.Describe(NameOf(b)));
                }
            }
        }

        return null;
    }

    /// <summary><c>this</c>, or a field, auto-property or primary-constructor parameter of the containing type that its constructor is given.</summary>
    private bool IsInjected(Root root)
    {
        if (_containingType is null)
        {
            return false;
        }

        switch (root.Symbol)
        {
            case INamedTypeSymbol:
                return true;
            case IFieldSymbol { IsStatic: false } field when IsOwn(field.ContainingType):
                return ResourcePaths.IsGivenByConstructor(_containingType, field.Type);
            case IPropertySymbol { IsStatic: false } property when IsOwn(property.ContainingType):
                return ResourcePaths.IsGivenByConstructor(_containingType, property.Type);
            case IParameterSymbol { ContainingSymbol: IMethodSymbol method } when IsOwn(method.ContainingType):
                return SymbolEqualityComparer.Default.Equals(ResourcePaths.PrimaryConstructor(_containingType), method);
            default:
                return false;
        }
    }

    /// <summary>
    /// A parameter or local of a lambda or local function that both operations are outside of is another value on every
    /// call (each element a query's lambda is given): it proves no shared instance. Inside one call it is one instance.
    /// </summary>
    private static bool IsPerCall(ISymbol symbol, SyntaxNode first, SyntaxNode second)
    {
        var function = symbol switch
        {
            IParameterSymbol parameter => parameter.ContainingSymbol,
            ILocalSymbol local => local.ContainingSymbol,
            _ => null,
        };
        if (function is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            return false;
        }

        foreach (var reference in function.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == first.SyntaxTree && reference.Span.Contains(first.Span) && reference.Span.Contains(second.Span))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsOwn(INamedTypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, _containingType);

    private static string NameOf(Root root) => root.Symbol is INamedTypeSymbol ? "this" : root.Symbol.Name;
}
