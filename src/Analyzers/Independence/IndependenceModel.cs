using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwaitAnalyzers.Options;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3: when two awaited operations may run at the same time. One instance per compilation, shared by
/// AWAIT001 and AWAIT002. Everything it cannot prove answers "dependent".
/// </summary>
internal sealed partial class IndependenceModel
{
    /// <summary>docs/design.md §3.4: leading verbs of operations that change state.</summary>
    private static readonly ImmutableHashSet<string> CommandVerbs = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Add", "Apply", "Approve", "Cancel", "Charge", "Commit", "Confirm", "Create", "Delete", "Disable", "Enable",
        "Execute", "Handle", "Import", "Insert", "Invite", "Log", "Move", "Notify", "Patch", "Pay", "Post", "Process",
        "Publish", "Push", "Put", "Register", "Reject", "Remove", "Rename", "Replace", "Reset", "Run", "Save", "Send",
        "Set", "Start", "Stop", "Submit", "Sync", "Transfer", "Update", "Upgrade", "Upload", "Upsert", "Write");

    /// <summary>docs/design.md §3.3: leading words of calls that commit, finish or synchronise something.</summary>
    private static readonly ImmutableHashSet<string> OrderingVerbs = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Commit", "Flush", "Dispose", "Close", "Complete", "Lock", "Acquire");

    /// <summary>Resource inferences keyed by the type lists of the options (docs/design.md §5), so trees with equal lists share one cache.</summary>
    private readonly ConcurrentDictionary<string, ResourceInference> _inferences = new(StringComparer.Ordinal);

    private readonly ImplementationIndex _implementations;

    private IndependenceModel(WellKnownTypes types)
    {
        Types = types;
        _implementations = new ImplementationIndex(types.Compilation);
        Effects = new EffectAnalysis(types, _implementations);
    }

    public WellKnownTypes Types { get; }

    /// <summary>What methods in source write (docs/design.md §3.10), cached for the compilation.</summary>
    public EffectAnalysis Effects { get; }

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
    /// Binds an awaited statement: null unless it awaits an invocation returning Task, Task&lt;T&gt;, ValueTask or
    /// ValueTask&lt;T&gt; (through a real ConfigureAwait, if any) and contains no other await.
    /// </summary>
    public AwaitedOperation? Bind(AwaitStatement statement, SemanticModel model, AwaitOptions options, CancellationToken cancellationToken)
    {
        foreach (var node in statement.Await.Expression.DescendantNodes())
        {
            if (node.IsKind(SyntaxKind.AwaitExpression))
            {
                return null;
            }
        }

        if (model.GetOperation(statement.Invocation, cancellationToken) is not IInvocationOperation invocation
            || invocation.TargetMethod is null
            || invocation.HasErrors(cancellationToken))
        {
            return null;
        }

        var awaitable = Types.GetAwaitableKind(invocation.Type);
        if (awaitable == AwaitableKind.None)
        {
            return null;
        }

        if (statement.ConfigureAwaitArgument is not null
            && (model.GetOperation(statement.Await.Expression, cancellationToken) is not IInvocationOperation configure
                || configure.TargetMethod.Name != "ConfigureAwait"
                || Types.GetAwaitableKind(configure.TargetMethod.ContainingType) == AwaitableKind.None))
        {
            return null;
        }

        var intent = Classify(statement, invocation.TargetMethod, awaitable, options);
        if (intent is OperationIntent.Query or OperationIntent.Command && CompletesSynchronously(invocation.TargetMethod, cancellationToken))
        {
            intent = OperationIntent.NoBenefit;
        }

        return new AwaitedOperation(statement, invocation, awaitable, intent);
    }

    /// <summary>
    /// docs/design.md §3.5: nothing to overlap — a callee in source whose every path returns a completed task, and the
    /// operations known to complete at once (<c>CancellationTokenSource.CancelAsync</c>).
    /// </summary>
    private bool CompletesSynchronously(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.Name == "CancelAsync" && method.ContainingType is { Name: "CancellationTokenSource" } type
            && type.ContainingNamespace?.ToDisplayString() == "System.Threading")
        {
            return true;
        }

        return method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
               && !method.IsVirtual && !method.IsAbstract && !method.IsOverride
               && Effects.Of(method, cancellationToken) is { CompletesSynchronously: true };
    }

    /// <summary>docs/design.md §3.3–§3.5.</summary>
    private OperationIntent Classify(AwaitStatement statement, IMethodSymbol method, AwaitableKind awaitable, AwaitOptions options)
    {
        var name = method.Name;
        var containing = method.ContainingType?.OriginalDefinition;
        if (containing is not null && Types.GetAwaitableKind(containing) != AwaitableKind.None
            && name is "FromResult" or "FromException" or "FromCanceled")
        {
            return OperationIntent.NoBenefit;
        }

        if (IsOrderingStep(method))
        {
            return OperationIntent.OrderingStep;
        }

        var verb = FirstWord(name);
        if (!awaitable.HasResult()
            || statement.Kind == AwaitStatementKind.Expression
            || CommandVerbs.Contains(verb)
            || options.CommandVerbs.Contains(verb))
        {
            return OperationIntent.Command;
        }

        return OperationIntent.Query;
    }

    /// <summary>docs/design.md §3.3: a pause, a synchronisation step, or a call whose name says it commits or finishes something.</summary>
    internal bool IsOrderingStep(IMethodSymbol method)
    {
        var name = method.Name;
        var containing = method.ContainingType?.OriginalDefinition;
        if (containing is not null && Types.GetAwaitableKind(containing) != AwaitableKind.None
            && name is "Delay" or "Yield" or "WhenAll" or "WhenAny" or "WaitAsync")
        {
            return true;
        }

        return name == "WaitAsync"
               || name.StartsWith("SaveChanges", StringComparison.Ordinal)
               || OrderingVerbs.Contains(FirstWord(name));
    }

    /// <summary>docs/design.md §3.4: a leading word that says an operation changes state (the built-in list).</summary>
    internal static bool IsCommandVerb(string word) => CommandVerbs.Contains(word);

    /// <summary>The first word of a PascalCase or camelCase name: <c>GetSettingsAsync</c> → <c>Get</c>.</summary>
    internal static string FirstWord(string name)
    {
        var end = 1;
        while (end < name.Length && char.IsLower(name[end]))
        {
            end++;
        }

        return name.Length == 0 ? name : name.Substring(0, end);
    }

    /// <summary>
    /// docs/design.md §3.1 and §3.2 for <paramref name="first"/> followed by <paramref name="second"/> in one statement list:
    /// true when the second can start before the first completes and the two can be pending together.
    /// </summary>
    public bool AreIndependent(AwaitedOperation first, AwaitedOperation second, SemanticModel model, SyntaxNode body, AwaitOptions options, CancellationToken cancellationToken)
        => !HasDataDependency(first, second, model, cancellationToken)
           && !HaveResourceConflict(first, second, model, body, options, cancellationToken)
           && !HaveWriteConflict(first, second, model, body, options, cancellationToken);

    /// <summary>docs/design.md §3.10: one writes an object the other reaches (through a callee in source, or a state-changing call).</summary>
    private bool HaveWriteConflict(AwaitedOperation first, AwaitedOperation second, SemanticModel model, SyntaxNode body, AwaitOptions options, CancellationToken cancellationToken)
    {
        var inference = GetResourceInference(options);
        var firstWrites = first.Writes ??= SharedWrites.Of(first, this, model, body, inference, isOwnLocal: null, cancellationToken);
        var secondWrites = second.Writes ??= SharedWrites.Of(second, this, model, body, inference, isOwnLocal: null, cancellationToken);
        return (!firstWrites.IsEmpty || !secondWrites.IsEmpty)
               && SharedWrites.Conflict(GetRoots(first, model, body, cancellationToken), firstWrites, GetRoots(second, model, body, cancellationToken), secondWrites);
    }

    /// <summary>docs/design.md §3.1: the second reads nothing the first writes or declares, nor the state of an instance the first assigns.</summary>
    private static bool HasDataDependency(AwaitedOperation first, AwaitedOperation second, SemanticModel model, CancellationToken cancellationToken)
    {
        var firstFlow = first.StatementFlow(model);
        var secondFlow = second.OperandFlow(model);
        if (firstFlow is not { Succeeded: true } || secondFlow is not { Succeeded: true })
        {
            return true;
        }

        var changed = new HashSet<ISymbol>(firstFlow.WrittenInside, SymbolEqualityComparer.Default);
        changed.UnionWith(firstFlow.VariablesDeclared);
        if (NameScreen.MayTouch(second.Statement.Await.Expression, model, changed, cancellationToken)
            && (Intersects(changed, secondFlow.ReadInside) || Intersects(changed, secondFlow.WrittenInside)))
        {
            return true;
        }

        // The second's own target is assigned after both complete, but it must not name what the first declares or writes.
        if (second.Statement.AssignmentTarget is { } target)
        {
            // `x = await …` into a local or parameter reads nothing (its flow would be a pass over the whole member): only its name counts.
            var written = model.GetOperation(target, cancellationToken);
            if (written is not null && VariableOf(written) is { } variable)
            {
                if (changed.Contains(variable))
                {
                    return true;
                }
            }
            else if (written is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation }
                     or IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 })
            {
                // `Count = await …` on this or a static member names no variable (a flow pass of an assignment target fails).
            }
            else if (ReadsChanged(target, changed, model, cancellationToken))
            {
                return true;
            }
        }

        return first.Statement.AssignmentTarget is { } firstTarget
               && ReadsAssignedMember(firstTarget, second.Statement.Await.Expression, model, cancellationToken);
    }

    private static ISymbol? VariableOf(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>True when an assignment target reads, or names, a variable the first statement changed.</summary>
    private static bool ReadsChanged(ExpressionSyntax target, HashSet<ISymbol> changed, SemanticModel model, CancellationToken cancellationToken)
    {
        var targetFlow = model.AnalyzeDataFlow(target);
        if (targetFlow is not { Succeeded: true } || Intersects(changed, targetFlow.ReadInside))
        {
            return true;
        }

        foreach (var name in target.DescendantNodesAndSelf())
        {
            if (name is IdentifierNameSyntax && model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol && changed.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// docs/design.md §3.1: when the first assigns a field or property of an instance, the second must not read that member, nor call a
    /// method, read a computed property, or pass the instance along (any of which may read the member). Other fields and
    /// auto-properties of the instance are plain storage and may be read: an injected service in an auto-property is the
    /// common case (an auto-property's getter cannot read another member, so "reading a property" of it is storage: docs/design.md §3.7).
    /// </summary>
    private static bool ReadsAssignedMember(ExpressionSyntax target, ExpressionSyntax secondOperand, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(target, cancellationToken) is not IMemberReferenceOperation member)
        {
            return false;
        }

        if (model.GetOperation(secondOperand, cancellationToken) is not { } operand)
        {
            return true;
        }

        var instance = member.Instance;
        if (instance is not (null or IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation))
        {
            return true; // `a.b.X = …`: which object changed cannot be told cheaply.
        }

        foreach (var node in operand.SelfAndDescendants())
        {
            switch (node)
            {
                case IMemberReferenceOperation read when SymbolEqualityComparer.Default.Equals(read.Member, member.Member):
                    return true;
                case IInvocationOperation call when IsSameInstance(call.Instance, instance, member, call.TargetMethod):
                    return true;
                case IPropertyReferenceOperation property when !IsStorage(property.Property)
                                                               && IsSameInstance(property.Instance, instance, member, property.Property):
                    return true;
                case IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation
                    when node.Parent is not IMemberReferenceOperation and not IInvocationOperation
                         && IsSameInstance(node, instance, member, null):
                    return true; // the instance itself is passed along
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="reference"/> denotes the instance whose member was assigned (for a static member: its type).</summary>
    private static bool IsSameInstance(IOperation? reference, IOperation? assignedInstance, IMemberReferenceOperation assigned, ISymbol? used)
    {
        switch (assignedInstance)
        {
            case null:
                // A static member may be read by any member of its type.
                return used is not null && SymbolEqualityComparer.Default.Equals(used.ContainingType, assigned.Member.ContainingType);
            case IInstanceReferenceOperation:
                return reference is IInstanceReferenceOperation;
            case ILocalReferenceOperation local:
                return reference is ILocalReferenceOperation other && SymbolEqualityComparer.Default.Equals(other.Local, local.Local);
            case IParameterReferenceOperation parameter:
                return reference is IParameterReferenceOperation otherParameter && SymbolEqualityComparer.Default.Equals(otherParameter.Parameter, parameter.Parameter);
            default:
                return true;
        }
    }

    /// <summary>An auto-property only stores a value, like a field.</summary>
    private static bool IsStorage(IPropertySymbol property)
    {
        if (property.IsIndexer)
        {
            return false;
        }

        foreach (var candidate in property.ContainingType.GetMembers())
        {
            if (candidate is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Intersects(HashSet<ISymbol> set, ImmutableArray<ISymbol> symbols)
    {
        foreach (var symbol in symbols)
        {
            if (set.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>docs/design.md §3.2: the conflicts (a), (b) and (c) between the roots of two operations.</summary>
    public bool HaveResourceConflict(AwaitedOperation first, AwaitedOperation second, SemanticModel model, SyntaxNode body, AwaitOptions options, CancellationToken cancellationToken)
        => RootsConflict(GetRoots(first, model, body, cancellationToken), GetRoots(second, model, body, cancellationToken), options);

    /// <summary>
    /// docs/design.md §3.2 (a), (b), (c) for two sets of roots. For a loop, both are the roots one iteration shares with the next.
    /// </summary>
    public bool RootsConflict(ImmutableArray<Root> firstRoots, ImmutableArray<Root> secondRoots, AwaitOptions options)
    {
        if (firstRoots.IsDefaultOrEmpty || secondRoots.IsDefaultOrEmpty)
        {
            return false;
        }

        var inference = GetResourceInference(options);
        var firstFacts = Judge(inference, firstRoots);
        var secondFacts = Judge(inference, secondRoots);

        // (c): unseen implementations may hold a scoped connection.
        if (Types.ReferencesDataAccessAssembly && (AnyOpaque(firstFacts) || AnyOpaque(secondFacts)))
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

        var itemFacts = Judge(GetResourceInference(options), items);
        foreach (var facts in itemFacts)
        {
            if (!facts.HeldResources.IsEmpty || (facts.IsOpaque && Types.ReferencesDataAccessAssembly))
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

    public ImmutableArray<Root> GetRoots(AwaitedOperation operation, SemanticModel model, SyntaxNode body, CancellationToken cancellationToken)
    {
        if (operation.Roots.IsDefault)
        {
            operation.Roots = RootFinder.Find(Types, model, operation.Invocation, body, cancellationToken);
        }

        return operation.Roots;
    }
}
