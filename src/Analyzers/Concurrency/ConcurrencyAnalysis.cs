using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Concurrency;

/// <summary>
/// docs/design.md §7 for one function body: finds the operations that run at the same time and asks
/// <see cref="SharedResourceProof"/> whether they reach one resource instance.
/// </summary>
internal sealed class ConcurrencyAnalysis
{
    private readonly WellKnownTypes _types;
    private readonly SemanticModel _model;
    private readonly SyntaxNode _body;
    private readonly SharedResourceProof _proof;
    private readonly CancellationToken _cancellationToken;

    public ConcurrencyAnalysis(WellKnownTypes types, ResourcePaths paths, SemanticModel model, SyntaxNode body, CancellationToken cancellationToken)
    {
        _types = types;
        _model = model;
        _body = body;
        _cancellationToken = cancellationToken;
        var enclosing = model.GetEnclosingSymbol(System.Math.Max(body.SpanStart, body.Span.End - 1), cancellationToken);
        var containing = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType;
        _proof = new SharedResourceProof(paths, new MemberUse(types.Compilation, cancellationToken), containing);
    }

    /// <summary><c>Task.WhenAll</c>/<c>WhenAny</c>: its operands started there (or earlier into locals), or one lambda over items.</summary>
    public ConcurrencyFinding? WhenAll(IInvocationOperation whenAll)
    {
        var operands = Operands(whenAll);
        if (operands.Count == 1 && SelectLambda(operands[0].Value) is { } lambda)
        {
            return Within(ConcurrencyShape.Select, lambda);
        }

        var running = new List<(RunningOperation Operation, bool StartedHere)>();
        foreach (var (value, startedHere) in operands)
        {
            if (value is IInvocationOperation invocation)
            {
                running.Add((Running(invocation, invocation.Syntax), startedHere));
            }
        }

        for (var j = 1; j < running.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                // Two tasks both started earlier are the shape of Started, reported where the second starts.
                if ((running[i].StartedHere || running[j].StartedHere) && _proof.Between(running[i].Operation, running[j].Operation) is { } shared)
                {
                    return new ConcurrencyFinding(ConcurrencyShape.WhenAll, running[j].Operation.Syntax, running[i].Operation.Syntax, shared);
                }
            }
        }

        return null;
    }

    /// <summary><c>Parallel.ForEachAsync(items, …, async (item, ct) => …)</c>: the body runs for many items at once.</summary>
    public ConcurrencyFinding? ForEachAsync(IInvocationOperation forEach)
    {
        var last = forEach.Arguments.LastOrDefault()?.Value;
        return AnonymousFunction(last) is { } lambda ? Within(ConcurrencyShape.ForEachAsync, lambda) : null;
    }

    /// <summary>
    /// Tasks started into locals (<c>var a = A();</c>) or added to a local collection (<c>tasks.Add(A());</c>) and operations
    /// started before they are awaited: for each later operation, the first earlier one still running that shares a resource
    /// with it.
    /// </summary>
    public IEnumerable<ConcurrencyFinding> Started(IReadOnlyList<StatementSyntax> statements)
    {
        var reported = new HashSet<SyntaxNode>();
        for (var i = 0; i < statements.Count - 1; i++)
        {
            if (StartedTask(statements[i]) is not { } started)
            {
                continue;
            }

            var earlier = Running(started.Invocation, started.Invocation.Syntax);
            for (var j = i + 1; j < statements.Count; j++)
            {
                var next = StartedTask(statements[j]);
                var addsToTheSameCollection = started.IsCollection && next is { IsCollection: true } && SymbolEqualityComparer.Default.Equals(next.Value.Local, started.Local);
                if (!addsToTheSameCollection && Mentions(statements[j], started.Local))
                {
                    break; // awaited (or handed on) here: it is no longer known to run
                }

                var later = next?.Invocation ?? AwaitedInvocation(statements[j]);
                if (later is null || reported.Contains(later.Syntax))
                {
                    continue;
                }

                if (_proof.Between(earlier, Running(later, later.Syntax)) is { } shared)
                {
                    reported.Add(later.Syntax);
                    var shape = started.IsCollection ? ConcurrencyShape.Collected : ConcurrencyShape.Started;
                    yield return new ConcurrencyFinding(shape, later.Syntax, started.Invocation.Syntax, shared);
                }
            }
        }
    }

    private ConcurrencyFinding? Within(ConcurrencyShape shape, IAnonymousFunctionOperation lambda)
    {
        var span = lambda.Syntax.Span;
        // docs/design.md §7: what the runs reach only inside a lock on an object they all share, they take turns with.
        var roots = RootFinder.Find(_types, _model, lambda.Body, _body, _cancellationToken, descendInto: node => !IsSharedLock(node, span))
            .Where(root => !IsDeclaredWithin(root.Symbol, span))
            .ToImmutableArray();
        var shared = roots.IsEmpty ? null : _proof.Within(new RunningOperation(lambda.Body, roots, lambda.Syntax));
        return shared is null ? null : new ConcurrencyFinding(shape, lambda.Syntax, null, shared);
    }

    /// <summary>A local or parameter of the lambda itself: each run has its own (a context created per item).</summary>
    private static bool IsDeclaredWithin(ISymbol symbol, Microsoft.CodeAnalysis.Text.TextSpan span)
        => symbol is ILocalSymbol or IParameterSymbol && symbol.DeclaringSyntaxReferences.Any(r => span.Contains(r.Span));

    /// <summary>A <c>lock</c> on an object every run of the lambda shares (not one declared within it).</summary>
    private static bool IsSharedLock(IOperation node, Microsoft.CodeAnalysis.Text.TextSpan span)
        => node is ILockOperation { LockedValue: { } locked }
           && !(Unwrap(locked).ReferencedSymbol() is { } lockSymbol && IsDeclaredWithin(lockSymbol, span));

    private RunningOperation Running(IOperation operation, SyntaxNode syntax)
        => new(operation, RootFinder.Find(_types, _model, operation, _body, _cancellationToken), syntax);

    /// <summary>The tasks WhenAll is given (params, or one array), a local resolved to the invocation that started it.</summary>
    private List<(IOperation Value, bool StartedHere)> Operands(IInvocationOperation whenAll)
    {
        var operands = new List<(IOperation, bool)>();
        foreach (var argument in whenAll.Arguments)
        {
            var value = Unwrap(argument.Value);
            var elements = value is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : ImmutableArray.Create(value);
            foreach (var element in elements)
            {
                var unwrapped = Unwrap(element);
                operands.Add(unwrapped is ILocalReferenceOperation local && StartedValue(local.Local) is { } started
                    ? (started, false)
                    : (unwrapped, true));
            }
        }

        return operands;
    }

    /// <summary><c>items.Select(async i => …)</c> (through <c>.ToList()</c>, <c>.ToArray()</c> or a local holding it): its lambda.</summary>
    private IAnonymousFunctionOperation? SelectLambda(IOperation operand)
    {
        for (var depth = 0; depth < 4; depth++)
        {
            operand = Unwrap(operand);
            if (operand is ILocalReferenceOperation local && StartedValue(local.Local) is { } value)
            {
                operand = value;
                continue;
            }

            if (operand is not IInvocationOperation { TargetMethod.ContainingType: { Name: "Enumerable", ContainingNamespace.Name: "Linq" } } invocation
                || invocation.Arguments.Length == 0)
            {
                return null;
            }

            if (invocation.TargetMethod.Name == "Select")
            {
                return invocation.Arguments.Length == 2 && AnonymousFunction(invocation.Arguments[1].Value) is { } lambda
                       && _types.GetAwaitableKind(lambda.Symbol.ReturnType) != AwaitableKind.None
                    ? lambda
                    : null;
            }

            if (invocation.TargetMethod.Name is not ("ToList" or "ToArray"))
            {
                return null;
            }

            operand = invocation.Arguments[0].Value;
        }

        return null;
    }

    private static IAnonymousFunctionOperation? AnonymousFunction(IOperation? value)
        => Unwrap(value) switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
            IAnonymousFunctionOperation lambda => lambda,
            _ => null,
        };

    /// <summary>The value a local was declared with, when it is its only write in the body.</summary>
    private IOperation? StartedValue(ILocalSymbol local)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value }
            || IsAssignedAgain(local))
        {
            return null;
        }

        return _model.GetOperation(value, _cancellationToken) is { } operation ? Unwrap(operation) : null;
    }

    private bool IsAssignedAgain(ILocalSymbol local)
    {
        foreach (var assignment in _body.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is IdentifierNameSyntax { Identifier.ValueText: var name } left
                && name == local.Name
                && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(left, _cancellationToken).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>var t = A();</c> (one declarator) where A returns a task, or <c>tasks.Add(A());</c> on a local collection: the local
    /// that holds the task and the invocation that started it.
    /// </summary>
    private (ILocalSymbol Local, IInvocationOperation Invocation, bool IsCollection)? StartedTask(StatementSyntax statement)
    {
        if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: IdentifierNameSyntax } } add })
        {
            return _model.GetOperation(add, _cancellationToken) is IInvocationOperation { Instance: ILocalReferenceOperation collection, Arguments.Length: 1 } adding
                   && Unwrap(adding.Arguments[0].Value) is IInvocationOperation added
                   && _types.GetAwaitableKind(added.Type) != AwaitableKind.None
                   && !added.HasErrors(_cancellationToken)
                ? (collection.Local, added, true)
                : null;
        }

        if (statement is not LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } declaration
            || !declaration.UsingKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
            || variables[0].Initializer?.Value is not InvocationExpressionSyntax value
            || _model.GetDeclaredSymbol(variables[0], _cancellationToken) is not ILocalSymbol local
            || _types.GetAwaitableKind(local.Type) == AwaitableKind.None
            || _model.GetOperation(value, _cancellationToken) is not IInvocationOperation invocation
            || invocation.HasErrors(_cancellationToken))
        {
            return null;
        }

        return (local, invocation, false);
    }

    /// <summary>The invocation awaited by an await statement (<c>await B();</c>, <c>var b = await B();</c>, <c>b = await B();</c>).</summary>
    private IInvocationOperation? AwaitedInvocation(StatementSyntax statement)
        => AwaitStatement.TryParse(statement) is { } shape
           && _model.GetOperation(shape.Invocation, _cancellationToken) is IInvocationOperation invocation
           && !invocation.HasErrors(_cancellationToken)
            ? invocation
            : null;

    private bool Mentions(StatementSyntax statement, ILocalSymbol local)
    {
        foreach (var node in statement.DescendantNodes())
        {
            if (node is IdentifierNameSyntax { Identifier.ValueText: var name } identifier
                && name == local.Name
                && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(identifier, _cancellationToken).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IArgumentOperation argument:
                    operation = argument.Value;
                    continue;
                default:
                    return operation!;
            }
        }
    }
}
