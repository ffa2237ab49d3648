using System.Collections.Generic;
using System.Linq;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Loops;

/// <summary>
/// docs/design.md §3.1 for the order-preserving shape of one loop (<see cref="LoopFission"/>): after the fix, every
/// operation starts before the first rest runs, so no operation, prelude or loop header may read what a rest writes, and
/// the prelude and the operation's own arguments must not show an effect that would now come before earlier rests.
/// Symbols are compared by name of what they reach first (a local, a parameter, a field or property of <c>this</c>, a
/// static member); whatever cannot be named that way counts as a conflict.
/// </summary>
internal sealed class LoopFissionCheck
{
    private readonly LoopFission _fission;
    private readonly StatementSyntax _loop;
    private readonly EffectAnalysis _effects;
    private readonly SemanticModel _model;
    private readonly System.Threading.CancellationToken _cancellationToken;
    private readonly ISymbol? _counter;

    private readonly HashSet<ISymbol> _written = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _read = new(SymbolEqualityComparer.Default);
    private bool _writesThis;
    private bool _writesThisMember;
    private bool _writesUnknown;
    private bool _readsThis;
    private bool _readsAllOfThis;
    private bool _readsCaptured;

    private LoopFissionCheck(LoopFission fission, StatementSyntax loop, EffectAnalysis effects, FunctionScope scope)
    {
        _fission = fission;
        _loop = loop;
        _effects = effects;
        _model = scope.SemanticModel;
        _cancellationToken = scope.CancellationToken;
        _counter = loop is ForStatementSyntax { Declaration.Variables: { Count: 1 } variables } ? _model.GetDeclaredSymbol(variables[0], _cancellationToken) : null;
    }

    /// <summary>True when the split keeps the loop's meaning apart from timing and exceptions (docs/design.md §4).</summary>
    public static bool Holds(LoopFission fission, StatementSyntax loop, EffectAnalysis effects, FunctionScope scope)
        => new LoopFissionCheck(fission, loop, effects, scope).Holds();

    private bool Holds()
    {
        var started = new List<IOperation>();
        foreach (var statement in _fission.Prelude)
        {
            if (_model.GetOperation(statement, _cancellationToken) is not { } prelude || HasEffect(prelude, null))
            {
                return false;
            }

            started.Add(prelude);
        }

        var invocation = _fission.Operation.Invocation;
        if (HasEffect(invocation, invocation) || PreludeLocalReadByRest())
        {
            return false;
        }

        started.Add(invocation);
        foreach (var header in HeaderOperations())
        {
            started.Add(header);
        }

        foreach (var statement in _fission.Rest)
        {
            if (_model.GetOperation(statement, _cancellationToken) is not { } rest)
            {
                return false;
            }

            CollectWrites(rest);
        }

        foreach (var operation in started)
        {
            CollectReads(operation);
        }

        var target = invocation.TargetMethod;
        _readsAllOfThis |= EffectAnalysis.ReceiverOf(invocation) is IInstanceReferenceOperation
                           || invocation.Arguments.Any(a => a.Value is IInstanceReferenceOperation);
        _readsCaptured |= target.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke;
        if (_writesUnknown || (_writesThis && _readsThis) || (_writesThisMember && _readsAllOfThis))
        {
            return false;
        }

        foreach (var written in _written)
        {
            if (_read.Contains(written) || (_readsCaptured && written is ILocalSymbol or IParameterSymbol))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The prelude and the operation's receiver and arguments run before every rest now: they must show nothing.</summary>
    private static bool HasEffect(IOperation operation, IOperation? exempt)
        => SideEffects.Has(operation, node => node == exempt)
           || Contains(operation, node => node is IAssignmentOperation or IIncrementOrDecrementOperation);

    /// <summary>A rest that reads a prelude local would need the prelude twice; the fix keeps it in the operation's lambda only.</summary>
    private bool PreludeLocalReadByRest()
    {
        var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var statement in _fission.Prelude)
        {
            foreach (var variable in ((LocalDeclarationStatementSyntax)statement).Declaration.Variables)
            {
                if (_model.GetDeclaredSymbol(variable, _cancellationToken) is { } symbol)
                {
                    declared.Add(symbol);
                }
            }
        }

        if (declared.Count == 0)
        {
            return false;
        }

        foreach (var statement in _fission.Rest)
        {
            foreach (var node in statement.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax name && _model.GetSymbolInfo(name, _cancellationToken).Symbol is { } symbol && declared.Contains(symbol))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What the loop header reads on every iteration: the foreach collection, or the for's condition and counter.</summary>
    private IEnumerable<IOperation> HeaderOperations()
    {
        var nodes = _loop switch
        {
            ForEachStatementSyntax forEach => new SyntaxNode?[] { forEach.Expression },
            ForStatementSyntax @for => new SyntaxNode?[] { @for.Condition, @for.Declaration?.Variables[0].Initializer?.Value },
            _ => System.Array.Empty<SyntaxNode?>(),
        };
        foreach (var node in nodes)
        {
            if (node is not null && _model.GetOperation(node, _cancellationToken) is { } operation)
            {
                yield return operation;
            }
        }

        if (_counter is not null)
        {
            _read.Add(_counter); // the rest must not move the counter
        }
    }

    private void CollectWrites(IOperation rest)
    {
        foreach (var node in rest.SelfAndDescendants())
        {
            switch (node)
            {
                case IAssignmentOperation assignment:
                    Written(assignment.Target, isArgument: false);
                    break;
                case IIncrementOrDecrementOperation increment:
                    Written(increment.Target, isArgument: false);
                    break;
                case IEventAssignmentOperation or IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IAddressOfOperation:
                    _writesUnknown = true;
                    break;
                case IArgumentOperation { Parameter.RefKind: not RefKind.None } byReference:
                    Written(byReference.Value, isArgument: false);
                    break;
                case IInvocationOperation invocation:
                    WrittenByCall(invocation);
                    break;
            }
        }
    }

    /// <summary>A call may change its receiver and the objects it is given (unless it is known pure), and what its body writes.</summary>
    private void WrittenByCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (SideEffects.IsPure(method))
        {
            return;
        }

        var summary = method.DeclaringSyntaxReferences.IsEmpty ? null : _effects.Of(method, _cancellationToken);
        if (!method.DeclaringSyntaxReferences.IsEmpty && (summary is null || summary.WritesStatic || summary.WritesCaptured))
        {
            _writesUnknown = true; // a method in source whose effects cannot be bounded, or that writes shared state
        }

        if (method.MethodKind == MethodKind.DelegateInvoke && invocation.Instance is ILocalReferenceOperation)
        {
            _writesUnknown = true; // a lambda of this function may write its locals
        }

        if (EffectAnalysis.ReceiverOf(invocation) is { } receiver)
        {
            if (EffectAnalysis.ChainBase(receiver) is IInstanceReferenceOperation && receiver is IInstanceReferenceOperation)
            {
                _writesThis |= summary is null || summary.WritesThis;
                _writesThisMember |= summary is null || summary.WritesThis;
            }
            else
            {
                Written(receiver, isArgument: false);
            }
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.Type is { IsReferenceType: true, SpecialType: not SpecialType.System_String })
            {
                Written(argument.Value, isArgument: true);
            }
        }
    }

    /// <summary>
    /// Records what a write to <paramref name="target"/> changes, by the first thing its member chain names. An argument
    /// without a name (a new object, a call's result) is the call's own; a receiver or target without one is unknown.
    /// </summary>
    private void Written(IOperation target, bool isArgument)
    {
        if (target is ITupleOperation tuple)
        {
            foreach (var element in tuple.Elements)
            {
                Written(element, isArgument);
            }

            return;
        }

        if (target is IDeclarationExpressionOperation or IDiscardOperation)
        {
            return;
        }

        switch (Named(target))
        {
            case (null, true):
                _writesThis = true;
                _writesThisMember = true;
                break;
            case (null, false):
                if (EffectAnalysis.ChainBase(target) is not (IObjectOrCollectionInitializerOperation or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }))
                {
                    _writesUnknown |= !isArgument && !IsOwnValue(target);
                }

                break;
            case ({ } symbol, var ofThis):
                if (!LoopShape.IsDeclaredIn(symbol, _loop) || SymbolEqualityComparer.Default.Equals(symbol, _counter))
                {
                    _written.Add(symbol);
                    _writesThisMember |= ofThis;
                    _writesUnknown |= symbol.IsStatic && symbol is not ILocalSymbol;
                    _writesThis |= ofThis && symbol is IPropertySymbol; // a setter may write more than its property
                }

                break;
        }
    }

    /// <summary>A write to an object the rest made or received as a result (a new list, an awaited value) changes nothing shared.</summary>
    private static bool IsOwnValue(IOperation target)
        => EffectAnalysis.ChainBase(target) is IObjectCreationOperation or IArrayCreationOperation or IAnonymousObjectCreationOperation
            or IAwaitOperation or ILiteralOperation or IInterpolatedStringOperation or IInterpolatedStringHandlerCreationOperation;

    private void CollectReads(IOperation operation)
    {
        foreach (var node in operation.SelfAndDescendants())
        {
            switch (node)
            {
                case IInstanceReferenceOperation when node.Parent is not IFieldReferenceOperation { Field.IsReadOnly: true }:
                    _readsThis = true; // a readonly field is set by the constructor only: no rest changes it
                    break;
                case ILocalReferenceOperation or IParameterReferenceOperation or IMemberReferenceOperation:
                    if (Named(node) is ({ } symbol, _))
                    {
                        _read.Add(symbol);
                    }

                    if (node is IMemberReferenceOperation { Member: var member })
                    {
                        _read.Add(member);
                    }

                    break;
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction }:
                    _readsCaptured = true;
                    break;
            }
        }
    }

    /// <summary>
    /// The first symbol a member chain names: <c>total</c>, <c>report.Lines</c> → report, <c>_byId[k]</c> → _byId (and true: a
    /// member of this), <c>Registry.Items</c> → Items. (null, true) for this itself; (null, false) for a chain that starts
    /// at a call, a new object or anything else without a name.
    /// </summary>
    private static (ISymbol? Symbol, bool OfThis) Named(IOperation operation)
        => EffectAnalysis.ChainBase(operation, out var memberOfBase) switch
        {
            ILocalReferenceOperation local => (local.Local, false),
            IParameterReferenceOperation parameter => (parameter.Parameter, false),
            IMemberReferenceOperation { Instance: null } member => (member.Member, false),
            IInstanceReferenceOperation => memberOfBase is { Instance: IInstanceReferenceOperation } ofThis ? (ofThis.Member, true) : (null, true),
            _ => (null, false),
        };

    private static bool Contains(IOperation operation, System.Func<IOperation, bool> predicate)
    {
        foreach (var node in operation.SelfAndDescendants())
        {
            if (predicate(node))
            {
                return true;
            }
        }

        return false;
    }
}
