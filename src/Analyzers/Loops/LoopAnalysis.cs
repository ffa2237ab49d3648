using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Options;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Loops;

/// <summary>
/// docs/design.md §2 AWAIT002 for one loop: its shape, what it iterates, its awaits bound and tied to the iteration
/// variable, what its body writes, its accumulation, and whether its iterations are independent (§3).
/// </summary>
internal sealed class LoopAnalysis
{
    private readonly IndependenceModel _independence;
    private readonly StatementSyntax _loop;
    private readonly StatementSyntax _body;
    private readonly FunctionScope _scope;

    private LoopAnalysis(IndependenceModel independence, StatementSyntax loop, FunctionScope scope)
    {
        _independence = independence;
        _loop = loop;
        _body = LoopShape.BodyOf(loop);
        _scope = scope;
    }

    /// <summary>
    /// The loop when its body awaits operations that use the iteration variable and its iterations are independent (§3);
    /// null for anything that cannot be proven.
    /// </summary>
    public static AwaitLoop? Analyze(IndependenceModel independence, StatementSyntax loop, SemanticModel model, AwaitOptions options, CancellationToken cancellationToken)
    {
        List<AwaitExpressionSyntax>? awaits;
        SyntaxNode? function;
        using (AnalysisSteps.Time("AWAIT002 loop 1 syntax: candidate, async function, awaits; struct test"))
        {
            if (!LoopShape.LooksLikeCandidate(loop) || !AsyncContext.IsInAsyncFunction(loop) || AsyncContext.HasSyntaxErrors(loop))
            {
                return null;
            }

            awaits = LoopShape.CollectAwaits(LoopShape.BodyOf(loop));
            function = AsyncContext.EnclosingBody(loop);

            // A lambda in a struct cannot use this (CS1673), so the rewrite would not compile.
            if (awaits is null || function is null || model.GetEnclosingSymbol(loop.SpanStart, cancellationToken)?.ContainingType is { IsValueType: true })
            {
                return null;
            }
        }

        return new LoopAnalysis(independence, loop, new FunctionScope(model, function, options, cancellationToken)).Analyze(awaits);
    }

    private AwaitLoop? Analyze(List<AwaitExpressionSyntax> awaits)
    {
        var model = _scope.SemanticModel;
        var cancellationToken = _scope.CancellationToken;
        ILocalSymbol? iterationVariable;
        LoopSource? source;
        using (AnalysisSteps.Time("AWAIT002 loop 2 semantic: source and iteration variable"))
        {
            (iterationVariable, source) = _loop is ForEachStatementSyntax each
                ? LoopSource.OfForEach(each, model, cancellationToken)
                : LoopSource.OfCountingFor((ForStatementSyntax)_loop, model, cancellationToken);
        }

        if (iterationVariable is null || source is null)
        {
            return null;
        }

        IOperation? bodyOperation;
        using (AnalysisSteps.Time("AWAIT002 loop 3 semantic: GetOperation(body), HasErrors"))
        {
            // Code being typed: a body that does not bind says nothing about its iterations.
            if (model.GetOperation(_body, cancellationToken) is not { } bound || bound.HasErrors(cancellationToken))
            {
                return null;
            }

            bodyOperation = bound;
        }

        ImmutableArray<AwaitedOperation> operations;
        using (AnalysisSteps.Time("AWAIT002 loop 4 semantic: bind the awaits"))
        {
            operations = BindAwaits(awaits, iterationVariable, bodyOperation);
        }

        if (operations.IsDefault)
        {
            return null;
        }

        var iterations = new IterationIndependence(_independence, _loop, iterationVariable, operations, _scope);
        using (AnalysisSteps.Time("AWAIT002 loop 4b iterations: an ordered pipeline"))
        {
            if (iterations.IsUnreportedPipeline())
            {
                return null;
            }
        }

        LoopAccumulation? accumulation;
        using (AnalysisSteps.Time("AWAIT002 loop 5 semantic: accumulation"))
        {
            accumulation = LoopAccumulation.Find(_loop, _body, _independence.Types, model, cancellationToken);
        }

        LoopFission? fission;
        using (AnalysisSteps.Time("AWAIT002 loop 6 flow: the order-preserving split"))
        {
            fission = LoopFission.Split(_loop, operations, accumulation);
            if (fission is not null && !LoopFissionCheck.Holds(fission, _loop, _independence.Effects, _scope))
            {
                fission = null;
            }
        }

        using (AnalysisSteps.Time("AWAIT002 loop 7 flow: writes outside the iteration (write screen, then data flow)"))
        {
            if (WritesOutsideIteration(bodyOperation, iterationVariable, fission))
            {
                return null;
            }
        }

        // The rest keeps its own Add, in order, after the operations.
        accumulation = fission is null ? accumulation : null;
        if (iterations.Conflict(bodyOperation, accumulation, fission))
        {
            return null;
        }

        // docs/design.md §4: running whole bodies together must not reorder what they visibly do after their first await.
        if (fission is null && ReordersVisibleEffects(bodyOperation, operations, accumulation))
        {
            return null;
        }

        using (AnalysisSteps.Time("AWAIT002 loop 11 declared intent"))
        {
            if (DeclaredIntent.SaysSequential(_loop, _loop))
            {
                return null;
            }
        }

        // docs/design.md §3.5, asked last: it reads the callees' bodies. Every operation starts something, and one shows a wait
        // on more than the local file system (every iteration's files share one disk).
        var showsAWait = false;
        foreach (var operation in operations)
        {
            if (_independence.Binder.StartsNothing(operation, _scope.CancellationToken))
            {
                return null;
            }

            showsAWait = showsAWait || _independence.Binder.WaitOf(operation, _scope.CancellationToken) == WaitKind.Anything;
        }

        if (!showsAWait)
        {
            return null;
        }

        return new AwaitLoop
        {
            Loop = _loop,
            IterationVariable = iterationVariable,
            Awaits = operations,
            Source = source,
            Accumulation = accumulation,
            Fission = fission,
        };
    }

    /// <summary>
    /// Binds every await of the body; default when one is not an invocation of a Task-like, is a pause or
    /// synchronisation step (§3.3) or already complete (§3.5), does not use the iteration variable (retry and poll
    /// shapes), or configures await differently from the others (one WhenAll carries one ConfigureAwait).
    /// </summary>
    private ImmutableArray<AwaitedOperation> BindAwaits(List<AwaitExpressionSyntax> awaits, ILocalSymbol iterationVariable, IOperation bodyOperation)
    {
        var locals = new LocalReferences(bodyOperation);
        var perIteration = ValuesOfIteration(iterationVariable, locals);
        var operations = ImmutableArray.CreateBuilder<AwaitedOperation>(awaits.Count);
        foreach (var await in awaits)
        {
            var shape = AwaitStatement.FromAwait(await);
            var operation = shape is null ? null : _independence.Binder.Bind(shape, _scope.SemanticModel, _scope.Options, _scope.CancellationToken);
            if (operation is null
                || operation.Intent is OperationIntent.OrderingStep or OperationIntent.NoBenefit
                || !Reads(await.Expression, perIteration, locals)
                || (operations.Count > 0 && !operations[0].Statement.ConfiguresAwaitLike(operation.Statement)))
            {
                return default;
            }

            operations.Add(operation);
        }

        return operations.MoveToImmutable();
    }

    /// <summary>The iteration variable and the locals the body computes from it, transitively (in textual order).</summary>
    private HashSet<ISymbol> ValuesOfIteration(ILocalSymbol iterationVariable, LocalReferences locals)
    {
        var values = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { iterationVariable };
        foreach (var node in _body.DescendantNodesAndSelf(n => !LoopShape.IsNestedFunction(n)))
        {
            var (value, symbol) = node switch
            {
                VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator => (initial, _scope.SemanticModel.GetDeclaredSymbol(declarator, _scope.CancellationToken)),
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment => (assignment.Right, locals.Of(name)),
                ForEachStatementSyntax nested => (nested.Expression, _scope.SemanticModel.GetDeclaredSymbol(nested, _scope.CancellationToken)),
                _ => ((ExpressionSyntax?)null, (ISymbol?)null),
            };
            if (value is not null && symbol is ILocalSymbol && Reads(value, values, locals))
            {
                values.Add(symbol);
            }
        }

        return values;
    }

    /// <summary>True when the expression names one of the locals (only locals are ever asked for).</summary>
    private static bool Reads(ExpressionSyntax expression, HashSet<ISymbol> symbols, LocalReferences locals)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax && locals.Of(node) is { } symbol && symbols.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// docs/design.md §3.1 in a loop: the body writes no variable declared outside it, nor the counter, so no iteration feeds
    /// the next. For the order-preserving split only the prelude and the awaited statement count: the rest runs in order
    /// after the operations, and <see cref="LoopFissionCheck"/> has shown that no operation reads what it writes.
    /// </summary>
    private bool WritesOutsideIteration(IOperation bodyOperation, ILocalSymbol iterationVariable, LoopFission? fission)
    {
        DataFlowAnalysis? flow;
        if (fission is null)
        {
            if (!LoopWriteScreen.MayWriteOutside(bodyOperation, _loop, iterationVariable))
            {
                return false;
            }

            flow = _scope.SemanticModel.AnalyzeDataFlow(_body);
        }
        else
        {
            var first = fission.Prelude.IsEmpty ? fission.AwaitStatement : fission.Prelude[0];
            flow = _scope.SemanticModel.AnalyzeDataFlow(first, fission.AwaitStatement);
        }

        if (flow is not { Succeeded: true })
        {
            return true;
        }

        foreach (var written in flow.WrittenInside)
        {
            if (SymbolEqualityComparer.Default.Equals(written, iterationVariable) || !LoopShape.IsDeclaredIn(written, _loop))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when something after the first await has an effect the program shows (a call not known pure): run as whole
    /// bodies together, those effects would come in completion order. The awaited operations and the accumulation's Add
    /// are the fix's own.
    /// </summary>
    private static bool ReordersVisibleEffects(IOperation bodyOperation, ImmutableArray<AwaitedOperation> operations, LoopAccumulation? accumulation)
    {
        var firstAwaitEnd = operations[0].Statement.Await.Span.End;
        var started = new HashSet<SyntaxNode>();
        foreach (var operation in operations)
        {
            started.Add(operation.Statement.Invocation);
            started.Add(operation.Statement.Await.Expression);
        }

        return SideEffects.Has(
            bodyOperation,
            node => node.Syntax.Span.End <= firstAwaitEnd || started.Contains(node.Syntax) || node.Syntax == accumulation?.AddStatement.Expression);
    }
}
