using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>One walk over a method's body: what it writes and whether it completes synchronously (docs/design.md §3.10).</summary>
internal sealed class EffectSummarizer
{
    private readonly EffectAnalysis _analysis;
    private readonly IMethodSymbol _method;
    private readonly int _depth;
    private readonly HashSet<IMethodSymbol> _visiting;
    private readonly CancellationToken _cancellationToken;
    private readonly bool[] _writesParameter;
    private bool _writesThis;
    private bool _writesStatic;
    private bool _writesCaptured;
    private WaitKind _awaits = WaitKind.Nothing;
    private readonly HashSet<ILocalSymbol> _givenTaskLocals = new(SymbolEqualityComparer.Default);

    public EffectSummarizer(EffectAnalysis analysis, IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
    {
        _analysis = analysis;
        _method = method;
        _depth = depth;
        _visiting = visiting;
        _cancellationToken = cancellationToken;
        _writesParameter = new bool[method.Parameters.Length];
    }

    public EffectSummary Summarize(IOperation body)
    {
        var awaits = false;
        foreach (var operation in body.SelfAndDescendants())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IAwaitOperation awaitOperation:
                    awaits = true;
                    WaitsOn(IsGivenTask(awaitOperation.Operation) ? WaitKind.Nothing : WaitOf(awaitOperation.Operation));
                    break;
                // await foreach and await using await too: the stream's next item, the disposal.
                case IForEachLoopOperation { IsAsynchronous: true }:
                    awaits = true;
                    WaitsOn(WaitKind.Anything);
                    break;
                // Disposing a file stream flushes it to the local disk.
                case IUsingOperation { IsAsynchronous: true } usingBlock:
                    awaits = true;
                    WaitsOn(DisposalWait(usingBlock.Resources));
                    break;
                case IUsingDeclarationOperation { IsAsynchronous: true } usingDeclaration:
                    awaits = true;
                    WaitsOn(DisposalWait(usingDeclaration.DeclarationGroup));
                    break;
                case IForEachLoopOperation loop when IsGivenTask(loop.Collection):
                    _givenTaskLocals.UnionWith(loop.Locals);
                    break;
                case IAssignmentOperation assignment:
                    Written(assignment.Target, variableItself: true);
                    break;
                case IIncrementOrDecrementOperation increment:
                    Written(increment.Target, variableItself: true);
                    break;
                case IEventAssignmentOperation eventAssignment:
                    Written(eventAssignment.EventReference, variableItself: true);
                    break;
                // Interlocked's atomic updates are synchronised writes: concurrent callers do not race on them.
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } byReference
                    when !IsInterlocked(byReference.Parent as IInvocationOperation):
                    Written(byReference.Value, variableItself: true);
                    break;
                case IInvocationOperation invocation:
                    Call(invocation);
                    break;
            }
        }

        var waits = Waits(body, awaits);
        return !_writesThis && !_writesStatic && !_writesCaptured && Array.IndexOf(_writesParameter, true) < 0 && waits == WaitKind.Anything
            ? EffectSummary.None
            : new EffectSummary(_writesThis, _writesStatic, _writesCaptured, _writesParameter.ToImmutableArray(), waits);
    }

    private void WaitsOn(WaitKind kind) => _awaits = _awaits.AndThen(kind);

    /// <summary>What an <c>await using</c> waits on when it disposes: the local disk when every resource is a file stream.</summary>
    private static WaitKind DisposalWait(IOperation resources)
        => resources is IVariableDeclarationGroupOperation { Declarations.Length: > 0 } group
           && group.Declarations.All(d => d.Declarators.Length > 0 && d.Declarators.All(v => LocalFileSystem.IsFileStream(v.Symbol.Type)))
            ? WaitKind.LocalFiles
            : WaitKind.Anything;

    /// <summary>
    /// A task (or tasks) the method was given or holds: a parameter, an item of a parameter collection, a field, the value of
    /// a <c>Lazy</c> among them, their <c>ConfigureAwait</c> or <c>WaitAsync</c>, or <c>Task.WhenAll</c>/<c>WhenAny</c> of
    /// them. Awaiting them waits for work started, or memoised, elsewhere.
    /// </summary>
    private bool IsGivenTask(IOperation operation)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                return IsGivenTask(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return IsGivenTask(parenthesized.Operand);
            case IParameterReferenceOperation parameter:
                return SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, _method);
            case ILocalReferenceOperation local:
                return _givenTaskLocals.Contains(local.Local);
            // docs/design.md §3.5: a task (or a lazily started one) held in a field was started, or is memoised, elsewhere.
            case IFieldReferenceOperation:
                return true;
            case IPropertyReferenceOperation { Property: { Name: "Value", ContainingType: { Name: "Lazy", ContainingType: null } lazy }, Instance: { } holder }
                when lazy.ContainingNamespace?.ToDisplayString() == "System":
                return IsGivenTask(holder);
            // task.WaitAsync(timeout or token) waits for the task it is called on.
            case IInvocationOperation { TargetMethod: { IsStatic: false, Name: "WaitAsync" } waitAsync, Instance: { } waited }
                when _analysis.Types.GetAwaitableKind(waitAsync.ContainingType) != AwaitableKind.None:
                return IsGivenTask(waited);
            case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance }:
                return IsGivenTask(instance);
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAll" or "WhenAny" } method } invocation
                when _analysis.Types.GetAwaitableKind(method.ContainingType) != AwaitableKind.None:
                return invocation.Arguments.Length > 0 && invocation.Arguments.All(argument => IsGivenTask(argument.Value));
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.All(IsGivenTask);
            default:
                return false;
        }
    }

    private static bool IsInterlocked(IInvocationOperation? invocation)
        => invocation?.TargetMethod.ContainingType is { Name: "Interlocked" or "Volatile" } type
           && type.ContainingNamespace?.ToDisplayString() == "System.Threading";

    /// <param name="variableItself">An assignment: a local or parameter assigned is the variable, not the object it refers to.</param>
    private void Written(IOperation target, bool variableItself)
    {
        if (variableItself && target is IParameterReferenceOperation { Parameter.RefKind: RefKind.None })
        {
            return;
        }

        if (target is ITupleOperation tuple)
        {
            foreach (var element in tuple.Elements)
            {
                Written(element, variableItself);
            }

            return;
        }

        var (written, ordinal) = EffectAnalysis.BaseOf(target, _method);
        switch (written)
        {
            case WrittenBase.This:
                _writesThis = true;
                break;
            case WrittenBase.Static:
                _writesStatic = true;
                break;
            case WrittenBase.Captured:
                _writesCaptured = true;
                break;
            case WrittenBase.Parameter:
                _writesParameter[ordinal] = true;
                break;
        }
    }

    private void Call(IInvocationOperation invocation)
    {
        var target = invocation.TargetMethod;
        if (target is { MethodKind: MethodKind.DelegateInvoke } && invocation.Instance is not ILocalReferenceOperation
            && (target.ReturnsVoid || _analysis.Types.GetAwaitableKind(target.ReturnType) != AwaitableKind.None))
        {
            // docs/design.md §3.10: a callback the method was given (an action, an async step) runs its creator's unseen code,
            // which may write anything it captured; a factory or selector (Func<AppDbContext>) is called for its value.
            _writesStatic = true;
        }

        if (target is { Name: "Start", ContainingType: { Name: "Process", ContainingType: null } process }
            && process.ContainingNamespace?.ToDisplayString() == "System.Diagnostics")
        {
            // docs/design.md §3.10: a process acts on the machine out of view (the files of its working directory, the
            // repository it clones or builds): its effects are unseen writes every other operation may read.
            _writesStatic = true;
        }

        var summary = target is null ? null : _analysis.Of(target.OriginalDefinition, _depth + 1, _visiting, _cancellationToken, dispatch: invocation.IsVirtual);
        if (target is null)
        {
            return;
        }

        if (EffectAnalysis.ReceiverOf(invocation) is { } receiver && _analysis.WritesReceiver(invocation, summary))
        {
            Written(receiver, variableItself: false);
        }

        if (summary is null)
        {
            return;
        }

        _writesStatic |= summary.WritesStatic;
        _writesCaptured |= summary.WritesCaptured && target.MethodKind == MethodKind.LocalFunction;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && summary.WritesArgument(parameter.Ordinal)
                && !(target.IsExtensionMethod && parameter.Ordinal == 0))
            {
                Written(argument.Value, variableItself: false);
            }
        }
    }

    /// <summary>
    /// What the method waits on at most. An async method: what its awaits wait on (nothing when it never awaits). Any
    /// other: what every task it returns waits on (<c>Task.FromResult</c>, <c>Task.CompletedTask</c>,
    /// <c>new ValueTask&lt;T&gt;(v)</c>, <c>default</c> and the task of a callee in source that starts nothing wait on nothing).
    /// </summary>
    private WaitKind Waits(IOperation body, bool awaits)
    {
        if (_method.IsAsync)
        {
            return _method.IsAsyncIteratorLike() ? WaitKind.Anything : awaits ? _awaits : WaitKind.Nothing;
        }

        var returns = 0;
        var waits = WaitKind.Nothing;
        foreach (var operation in body.SelfAndDescendants(o => o is not (IAnonymousFunctionOperation or ILocalFunctionOperation)))
        {
            if (operation is IReturnOperation { ReturnedValue: { } value })
            {
                returns++;
                var returned = WaitOf(value);
                if (returned == WaitKind.Anything)
                {
                    return WaitKind.Anything;
                }

                waits = waits.AndThen(returned);
            }
        }

        return returns > 0 ? waits : WaitKind.Anything;
    }

    /// <summary>What a task the method awaits or returns waits on at most.</summary>
    private WaitKind WaitOf(IOperation value)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                return WaitOf(conversion.Operand);
            case IDefaultValueOperation:
                return value.Type is { IsValueType: true } ? WaitKind.Nothing : WaitKind.Anything;
            case IObjectCreationOperation { Arguments.Length: 1 } creation:
                // new ValueTask<T>(result); not new ValueTask(task) nor new Task(action).
                return _analysis.Types.GetAwaitableKind(creation.Type) == AwaitableKind.ValueTaskOfT
                       && creation.Arguments[0].Value.Type is { } argument
                       && _analysis.Types.GetAwaitableKind(argument) == AwaitableKind.None
                    ? WaitKind.Nothing
                    : WaitKind.Anything;
            case IPropertyReferenceOperation { Property.Name: "CompletedTask", Property.IsStatic: true } property:
                return _analysis.Types.GetAwaitableKind(property.Property.ContainingType) != AwaitableKind.None ? WaitKind.Nothing : WaitKind.Anything;
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "FromResult" or "FromException" or "FromCanceled" } method }:
                return _analysis.Types.GetAwaitableKind(method.ContainingType) != AwaitableKind.None ? WaitKind.Nothing : WaitKind.Anything;
            case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured }:
                return WaitOf(configured);
            // Task.Yield() waits for the scheduler, not for work.
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Yield", Parameters.Length: 0 } yield }
                when _analysis.Types.GetAwaitableKind(yield.ContainingType) != AwaitableKind.None:
                return WaitKind.Nothing;
            case IInvocationOperation { TargetMethod: { } recursive }
                when SymbolEqualityComparer.Default.Equals(recursive.OriginalDefinition, _method.OriginalDefinition):
                // A call of the method itself waits on nothing the method's other paths do not: they decide.
                return WaitKind.Nothing;
            case IInvocationOperation file when LocalFileSystem.WaitsOnFilesOnly(file, _analysis.Types):
                return WaitKind.LocalFiles;
            case IInvocationOperation { TargetMethod: { } callee } call
                when callee.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction:
                // A task handed on from a callee in source waits on what that callee waits on.
                return _analysis.Of(callee.OriginalDefinition, _depth + 1, _visiting, _cancellationToken, dispatch: call.IsVirtual)?.Waits
                       ?? _analysis.Types.WaitOfUnread(callee);
            default:
                return WaitKind.Anything;
        }
    }
}
