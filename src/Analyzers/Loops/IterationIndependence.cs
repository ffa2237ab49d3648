using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Loops;

/// <summary>
/// docs/design.md §3 across the iterations of one loop whose awaits are bound: whether iterations run at once would touch
/// shared state, share a resource, form an ordered pipeline, or write what the next iteration reads.
/// </summary>
internal sealed class IterationIndependence
{
    private readonly IndependenceModel _independence;
    private readonly StatementSyntax _loop;
    private readonly ILocalSymbol _iterationVariable;
    private readonly ImmutableArray<AwaitedOperation> _operations;
    private readonly FunctionScope _scope;

    public IterationIndependence(IndependenceModel independence, StatementSyntax loop, ILocalSymbol iterationVariable, ImmutableArray<AwaitedOperation> operations, FunctionScope scope)
    {
        _independence = independence;
        _loop = loop;
        _iterationVariable = iterationVariable;
        _operations = operations;
        _scope = scope;
    }

    /// <summary>True when the iterations may not run at the same time; <paramref name="accumulation"/>'s Add is the fix's own.</summary>
    public bool Conflict(IOperation bodyOperation, LoopAccumulation? accumulation, LoopFission? fission)
    {
        using (AnalysisSteps.Time("AWAIT002 loop 8 iterations: shared state"))
        {
            if (TouchesSharedState(bodyOperation, accumulation, fission))
            {
                return true;
            }
        }

        using (AnalysisSteps.Time("AWAIT002 loop 9 iterations: resources across iterations"))
        {
            if (SharesResourceAcrossIterations() || InvokesUnseenDelegate())
            {
                return true;
            }
        }

        using (AnalysisSteps.Time("AWAIT002 loop 10 iterations: writes across iterations"))
        {
            return WritesAcrossIterations();
        }
    }

    /// <summary>
    /// docs/design.md §3.10: an ordered pipeline (the item, or what it holds, is the receiver, or one delegate is applied to
    /// each item), left silent unless <c>report_pipelines</c>. Asked before the rest, from types alone.
    /// </summary>
    public bool IsUnreportedPipeline() => !_scope.Options.ReportPipelines && IsPipeline();

    /// <summary>
    /// Iterations run at once touch shared state when the body assigns anything but its own locals (a field, a
    /// property, an element), synchronises (System.Threading, §3.3), or, once an await has let other iterations run,
    /// calls a method that reaches an instance from outside the iteration which is not known safe (a collection, a
    /// builder, this). The accumulation's Add is the exception: the fix adds every result after WhenAll. So is the rest of
    /// the order-preserving split, which the fix runs after every operation, in order (only synchronisation counts there).
    /// </summary>
    private bool TouchesSharedState(IOperation bodyOperation, LoopAccumulation? accumulation, LoopFission? fission)
    {
        var firstAwaitEnd = _operations[0].Statement.Await.Span.End;
        var started = new HashSet<SyntaxNode>();
        foreach (var operation in _operations)
        {
            started.Add(operation.Statement.Invocation);
            started.Add(operation.Statement.Await.Expression);
        }

        var inference = _independence.GetResourceInference(_scope.Options);
        foreach (var operation in bodyOperation.SelfAndDescendants())
        {
            if (fission is not null && fission.IsInRest(operation.Syntax))
            {
                if (operation is IInvocationOperation called && IsSynchronisation(called.TargetMethod))
                {
                    return true;
                }

                continue;
            }

            switch (operation)
            {
                case IAssignmentOperation assignment when !IsIterationTarget(assignment.Target, _loop):
                case IIncrementOrDecrementOperation increment when !IsIterationTarget(increment.Target, _loop):
                case IEventAssignmentOperation:
                    return true;
                case IInvocationOperation invocation:
                    if (IsSynchronisation(invocation.TargetMethod))
                    {
                        return true;
                    }

                    if (invocation.Syntax.Span.End > firstAwaitEnd
                        && !started.Contains(invocation.Syntax)
                        && invocation.Syntax != accumulation?.AddStatement.Expression)
                    {
                        if (ReachesSharedInstance(invocation, inference))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a call reaches an instance from outside the iteration that is not known safe. Only what the call names
    /// itself counts (a local the iteration computed, such as an awaited result, is its own); awaited operations inside
    /// it are left to the resource test across iterations.
    /// </summary>
    private bool ReachesSharedInstance(IOperation operation, ResourceInference inference)
    {
        foreach (var child in operation.ChildOperations)
        {
            if (child is IAwaitOperation)
            {
                continue;
            }

            if (child.SelfAndDescendants().Any(o => o is IAwaitOperation))
            {
                if (ReachesSharedInstance(child, inference))
                {
                    return true;
                }

                continue;
            }

            foreach (var root in RootFinder.Find(_independence.Types, _scope.SemanticModel, child, child.Syntax, _scope.CancellationToken))
            {
                if (!LoopShape.IsDeclaredIn(root.Symbol, _loop) && !inference.IsKnownSafe(root.Type))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsIterationTarget(IOperation target, StatementSyntax loop) => target switch
    {
        ILocalReferenceOperation local => LoopShape.IsDeclaredIn(local.Local, loop),
        IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } => true, // an initializer of a new object
        IDeclarationExpressionOperation or IDiscardOperation => true,
        ITupleOperation tuple => tuple.Elements.All(e => IsIterationTarget(e, loop)),
        _ => false,
    };

    /// <summary>docs/design.md §3.3: a pause or synchronisation step, awaited or not (Monitor, SemaphoreSlim, Thread.Sleep, Interlocked…).</summary>
    private bool IsSynchronisation(IMethodSymbol method)
    {
        if (_independence.Binder.IsOrderingStep(method))
        {
            return true;
        }

        var type = method.ContainingType;
        return type is not null
               && type.ContainingNamespace?.ToDisplayString() == "System.Threading"
               && type.Name is not ("CancellationToken" or "CancellationTokenSource");
    }

    /// <summary>
    /// docs/design.md §3.10: an ordered pipeline — each awaited call's receiver is the item itself (or reached from it, or
    /// indexed by the counter) and is an interface, an abstract class or a delegate: handlers, checks, plugins, steps.
    /// Steps of a chain read what earlier steps wrote to the context they share; the order of a chain is its design.
    /// </summary>
    private bool IsPipeline()
    {
        foreach (var operation in _operations)
        {
            var invocation = operation.Invocation;
            var receiver = operation.InvokesDelegate ? invocation.Instance : EffectAnalysis.ReceiverOf(invocation);
            if (receiver?.Type is { } type && IsStep(type) && ComesFromItem(receiver, _loop, _iterationVariable))
            {
                return true;
            }

            // One delegate applied to each step: `await notify(listener)` over listeners, handlers, plugins.
            if (operation.InvokesDelegate)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value.Type is { } argumentType && IsStep(argumentType) && ComesFromItem(argument.Value, _loop, _iterationVariable))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsStep(ITypeSymbol type)
        => type.TypeKind is TypeKind.Interface or TypeKind.Delegate or TypeKind.TypeParameter || type.IsAbstract || HoldsACallback(type);

    /// <summary>An item that holds a delegate of its own (an event's handler wrapped in an invoker) is a step too.</summary>
    private static bool HoldsACallback(ITypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsStatic: false, Type.TypeKind: TypeKind.Delegate })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// docs/design.md §3.10: an awaited delegate from outside the iteration is an unseen callee: it runs its creator's code,
    /// which may write what it captured (a counter, a list) or hold the scoped context.
    /// </summary>
    private bool InvokesUnseenDelegate()
    {
        foreach (var operation in _operations)
        {
            if (operation.InvokesDelegate && operation.Invocation.Instance is { } target && !ComesFromItem(target, _loop, _iterationVariable))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the receiver is the item, a member of it, an element indexed by the counter, or a local of the body.</summary>
    private static bool ComesFromItem(IOperation receiver, StatementSyntax loop, ILocalSymbol iterationVariable)
    {
        for (var current = receiver; current is not null;)
        {
            switch (current)
            {
                case ILocalReferenceOperation local:
                    return SymbolEqualityComparer.Default.Equals(local.Local, iterationVariable) || LoopShape.IsDeclaredIn(local.Local, loop);
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                case IMemberReferenceOperation member:
                    if (member is IPropertyReferenceOperation { Arguments.Length: > 0 } indexer
                        && indexer.Arguments.Any(a => a.Value.SelfAndDescendants().Any(o => o is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, iterationVariable))))
                    {
                        return true;
                    }

                    current = member.Instance;
                    break;
                case IArrayElementReferenceOperation element:
                    return element.Indices.Any(i => i.SelfAndDescendants().Any(o => o is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, iterationVariable)));
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// docs/design.md §3.10 in a loop: an awaited operation writes an object every iteration shares (its receiver or an
    /// argument from outside the body), static state, or variables a local function captures.
    /// </summary>
    private bool WritesAcrossIterations()
    {
        var inference = _independence.GetResourceInference(_scope.Options);
        foreach (var operation in _operations)
        {
            var writes = SharedWrites.Of(operation, _independence, _scope, local => LoopShape.IsDeclaredIn(local, _loop));
            if (writes.WritesStatic || writes.WritesCaptured)
            {
                return true;
            }

            foreach (var root in writes.Roots)
            {
                if (!LoopShape.IsDeclaredIn(root.Symbol, _loop) && !inference.IsKnownSafe(root.Type))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// docs/design.md §3.2, last paragraph: one iteration against the next, over the roots that are not declared inside the
    /// body (one Stream, one DbContext used by every iteration), and the iteration variable's type: each item is another
    /// instance, but items resolved from DI (handlers, repositories) share the scoped resources they hold.
    /// </summary>
    private bool SharesResourceAcrossIterations()
    {
        var shared = ImmutableArray.CreateBuilder<Root>();
        var items = ImmutableArray.CreateBuilder<Root>();
        foreach (var operation in _operations)
        {
            foreach (var root in _independence.GetRoots(operation, _scope))
            {
                if (!LoopShape.IsDeclaredIn(root.Symbol, _loop))
                {
                    shared.Add(root);
                }
                else if (SymbolEqualityComparer.Default.Equals(root.Symbol, _iterationVariable))
                {
                    items.Add(root);
                }
            }
        }

        return _independence.IterationsConflict(shared.ToImmutable(), items.ToImmutable(), _scope.Options);
    }
}
