using System;
using System.Threading;
using AwaitAnalyzers.Options;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// Turns an awaited statement into the <see cref="AwaitedOperation"/> the model compares, with its intent: a query, a command,
/// an ordering step or nothing to overlap (docs/design.md §3.3–§3.5).
/// </summary>
internal sealed class OperationBinder
{
    private readonly WellKnownTypes _types;
    private readonly EffectAnalysis _effects;

    public OperationBinder(WellKnownTypes types, EffectAnalysis effects)
    {
        _types = types;
        _effects = effects;
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

        var awaitable = _types.GetAwaitableKind(invocation.Type);
        if (awaitable == AwaitableKind.None)
        {
            return null;
        }

        if (statement.ConfigureAwaitArgument is not null
            && (model.GetOperation(statement.Await.Expression, cancellationToken) is not IInvocationOperation configure
                || configure.TargetMethod.Name != "ConfigureAwait"
                || _types.GetAwaitableKind(configure.TargetMethod.ContainingType) == AwaitableKind.None))
        {
            return null;
        }

        return new AwaitedOperation(statement, invocation, awaitable, Classify(statement, invocation.TargetMethod, awaitable, options));
    }

    /// <summary>docs/design.md §3.3: a pause, a synchronisation step, or a call whose name says it commits or finishes something.</summary>
    public bool IsOrderingStep(IMethodSymbol method)
    {
        var name = method.Name;
        var containing = method.ContainingType?.OriginalDefinition;
        if (containing is not null && _types.GetAwaitableKind(containing) != AwaitableKind.None
            && name is "Delay" or "Yield" or "WhenAll" or "WhenAny" or "WaitAsync")
        {
            return true;
        }

        return name == "WaitAsync"
               || name.StartsWith("SaveChanges", StringComparison.Ordinal)
               || OperationNames.IsOrderingVerb(OperationNames.FirstWord(name))
               || OperationNames.NamesALock(name);
    }

    /// <summary>
    /// docs/design.md §3.5: nothing to overlap — a callee in source whose every path returns a completed task, and the
    /// operations known to complete at once (<c>CancellationTokenSource.CancelAsync</c>).
    /// </summary>
    /// <remarks>
    /// It reads the callee's body (and the bodies it calls), so the rules ask it last, of operations that would
    /// otherwise be reported.
    /// </remarks>
    public bool StartsNothing(AwaitedOperation operation, CancellationToken cancellationToken)
        => WaitsAtMost(operation.Invocation, cancellationToken) == WaitKind.Nothing;

    /// <summary>
    /// docs/design.md §3.5: what the operation waits on at most — a library's or the framework's asynchronous call
    /// (<see cref="WaitKind.Anything"/>), reached directly or through callees in source; the application's code whose
    /// bodies are not in view (<see cref="WaitKind.Unseen"/>); local files; or nothing of its own.
    /// </summary>
    public WaitKind WaitOf(AwaitedOperation operation, CancellationToken cancellationToken)
        => WaitsAtMost(operation.Invocation, cancellationToken);

    private WaitKind WaitsAtMost(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "CancelAsync" && method.ContainingType is { Name: "CancellationTokenSource" } type
            && type.ContainingNamespace?.ToDisplayString() == "System.Threading")
        {
            return WaitKind.Nothing;
        }

        if (LocalFileSystem.WaitsOnFilesOnly(invocation, _types))
        {
            return WaitKind.LocalFiles;
        }

        // A virtual or interface member counts when every implementation in source waits on no more
        // (the summary of an abstraction combines its implementations'; one elsewhere leaves it unjudged).
        return method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && _effects.Of(method, cancellationToken) is { } summary
            ? summary.Waits
            : _effects.Types.WaitOfUnread(method);
    }

    /// <summary>docs/design.md §3.3–§3.5.</summary>
    private OperationIntent Classify(AwaitStatement statement, IMethodSymbol method, AwaitableKind awaitable, AwaitOptions options)
    {
        var name = method.Name;
        var containing = method.ContainingType?.OriginalDefinition;
        if (containing is not null && _types.GetAwaitableKind(containing) != AwaitableKind.None
            && name is "FromResult" or "FromException" or "FromCanceled")
        {
            return OperationIntent.NoBenefit;
        }

        if (IsOrderingStep(method))
        {
            return OperationIntent.OrderingStep;
        }

        var verb = OperationNames.FirstWord(name);
        if (!awaitable.HasResult()
            || statement.Kind == AwaitStatementKind.Expression
            || OperationNames.IsCommandVerb(verb)
            || options.CommandVerbs.Contains(verb))
        {
            return OperationIntent.Command;
        }

        return OperationIntent.Query;
    }
}
