using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3.10: what a method in source may write, transitively through the calls in source it makes (to a
/// bounded depth): the state of its own instance, of the objects its parameters reach, static state, and the variables a
/// local function or lambda captures. A call whose target is not in source is judged by its name: a state-changing verb
/// on a receiver writes that receiver.
/// </summary>
internal sealed class EffectSummary
{
    public static readonly EffectSummary None = new(false, false, false, ImmutableArray<bool>.Empty, false);

    public EffectSummary(bool writesThis, bool writesStatic, bool writesCaptured, ImmutableArray<bool> writesParameter, bool completesSynchronously)
    {
        WritesThis = writesThis;
        WritesStatic = writesStatic;
        WritesCaptured = writesCaptured;
        WritesParameter = writesParameter;
        CompletesSynchronously = completesSynchronously;
    }

    /// <summary>Assigns a field or property of its instance, or changes an object one of them holds.</summary>
    public bool WritesThis { get; }

    public bool WritesStatic { get; }

    /// <summary>A local function or lambda that assigns or changes a variable of the function around it.</summary>
    public bool WritesCaptured { get; }

    /// <summary>Per parameter ordinal: the method changes the object the argument refers to (or assigns a ref/out).</summary>
    public ImmutableArray<bool> WritesParameter { get; }

    /// <summary>docs/design.md §3.5: every path returns a completed task, so there is nothing to overlap.</summary>
    public bool CompletesSynchronously { get; }

    public bool WritesArgument(int ordinal) => ordinal >= 0 && ordinal < WritesParameter.Length && WritesParameter[ordinal];
}

/// <summary>What an expression that is written (or called with a writing method) is, at the base of its member chain.</summary>
internal enum WrittenBase
{
    /// <summary>A new object, a method's result, a local of the function itself: nobody else sees it.</summary>
    Own,
    This,
    Parameter,
    Static,
    Captured,
}

/// <summary>Effect summaries, one per method, computed on first use and cached for the compilation.</summary>
internal sealed class EffectAnalysis
{
    /// <summary>Calls in source followed below the method asked about; deeper ones are judged by their names.</summary>
    private const int MaxDepth = 3;

    /// <summary>Leading words that change the receiver, beyond the command verbs: collections, builders, state machines.</summary>
    private static readonly ImmutableHashSet<string> MutatingWords = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Append", "Clear", "Enqueue", "Dequeue", "Pop", "Increment", "Decrement", "Mark", "Succeed", "Fail", "Attach",
        "Detach", "Merge", "Sort", "Reverse", "Init", "Initialize", "Track", "Accept", "Open", "Connect", "Seek",
        "Invalidate", "Evict");

    /// <summary>Names whose first word alone says nothing (<c>TryGetValue</c> reads) but which change a collection.</summary>
    private static readonly string[] MutatingPrefixes = { "TryAdd", "TryRemove", "TryUpdate", "TryDequeue", "TryPop", "TryTake", "GetOrAdd", "AddOrUpdate" };

    private readonly WellKnownTypes _types;
    private readonly ImplementationIndex _implementations;
    private readonly ConcurrentDictionary<IMethodSymbol, EffectSummary> _summaries = new(SymbolEqualityComparer.Default);

    public EffectAnalysis(WellKnownTypes types, ImplementationIndex implementations)
    {
        _types = types;
        _implementations = implementations;
    }

    /// <summary>The summary of a method in source; null when its body is not in this compilation (judge it by name).</summary>
    public EffectSummary? Of(IMethodSymbol method, CancellationToken cancellationToken)
        => Of(method.OriginalDefinition, depth: 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken);

    /// <summary>docs/design.md §3.10: a call not in source changes its receiver when its name starts with a state-changing verb.</summary>
    public static bool NameSaysItWrites(IMethodSymbol method)
    {
        var name = method.Name;
        var word = OperationNames.FirstWord(name);
        if (OperationNames.IsCommandVerb(word) || MutatingWords.Contains(word))
        {
            return true;
        }

        foreach (var prefix in MutatingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private EffectSummary? Of(IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
    {
        if (_summaries.TryGetValue(method, out var known))
        {
            return known;
        }

        var body = BodyOf(method, cancellationToken);
        if (body is null)
        {
            var combined = OfImplementations(method, depth, visiting, cancellationToken);
            return combined is null ? null : _summaries.GetOrAdd(method, combined);
        }

        if (depth > MaxDepth || !visiting.Add(method))
        {
            return null; // judged by name where it is called; not cached, a shallower question may see it whole
        }

        var summary = new Summarizer(this, method, depth, visiting, cancellationToken).Summarize(body);
        visiting.Remove(method);
        return _summaries.GetOrAdd(method, summary);
    }

    /// <summary>
    /// An interface or abstract member of a type declared here, whose implementations are all in source: what any of them
    /// writes. Null when one is elsewhere or has no body (judged by name).
    /// </summary>
    private EffectSummary? OfImplementations(IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
    {
        if (!(method.IsAbstract || method.IsVirtual) || method.ContainingType is not { } type
            || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _types.Compilation.Assembly))
        {
            return null;
        }

        var implementations = _implementations.InSource(type);
        if (implementations.Count == 0 || implementations.Count > 8)
        {
            return null;
        }

        var summaries = new List<EffectSummary>();
        foreach (var implementation in implementations)
        {
            var member = type.TypeKind == TypeKind.Interface
                ? implementation.FindImplementationForInterfaceMember(method) as IMethodSymbol
                : FindOverride(implementation, method);
            var summary = member is null ? null : Of(member.OriginalDefinition, depth + 1, visiting, cancellationToken);
            if (summary is null)
            {
                return null;
            }

            summaries.Add(summary);
        }

        return Combine(summaries, method.Parameters.Length);
    }

    private static IMethodSymbol? FindOverride(INamedTypeSymbol implementation, IMethodSymbol method)
    {
        for (var current = implementation; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(method.Name))
            {
                for (var candidate = member as IMethodSymbol; candidate is not null; candidate = candidate.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method.OriginalDefinition))
                    {
                        return (IMethodSymbol)member;
                    }
                }
            }
        }

        return null;
    }

    private static EffectSummary Combine(List<EffectSummary> summaries, int parameterCount)
    {
        var parameters = new bool[parameterCount];
        bool writesThis = false, writesStatic = false, writesCaptured = false, completes = true;
        foreach (var summary in summaries)
        {
            writesThis |= summary.WritesThis;
            writesStatic |= summary.WritesStatic;
            writesCaptured |= summary.WritesCaptured;
            completes &= summary.CompletesSynchronously;
            for (var i = 0; i < parameterCount; i++)
            {
                parameters[i] |= summary.WritesArgument(i);
            }
        }

        return new EffectSummary(writesThis, writesStatic, writesCaptured, parameters.ToImmutableArray(), completes);
    }

    /// <summary>The bound body of a method declared in this compilation, or null (metadata, abstract, extern, partial without body).</summary>
    private IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty
            || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _types.Compilation.Assembly))
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            SyntaxNode? body = syntax switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                ArrowExpressionClauseSyntax arrow => arrow,
                _ => null,
            };
            if (body is null || !_types.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

#pragma warning disable RS1030 // The callee may be in another tree; its summary is computed once and cached for the compilation.
            var model = _types.Compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            var operation = model.GetOperation(syntax, cancellationToken);
            if (operation is not null && !operation.HasErrors(cancellationToken))
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>The base of a member chain: what a write to <paramref name="target"/> changes, seen from <paramref name="method"/>.</summary>
    public static (WrittenBase Base, int Ordinal) BaseOf(IOperation? target, ISymbol? method)
    {
        for (var current = target; current is not null;)
        {
            switch (current)
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                    return (WrittenBase.Own, -1); // an object or collection initializer writes the new object
                case IInstanceReferenceOperation:
                    return (WrittenBase.This, -1);
                case IParameterReferenceOperation parameter:
                    return SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method)
                        ? (WrittenBase.Parameter, parameter.Parameter.Ordinal)
                        : (WrittenBase.Captured, -1);
                case ILocalReferenceOperation local:
                    return method is null || SymbolEqualityComparer.Default.Equals(local.Local.ContainingSymbol, method)
                        ? (WrittenBase.Own, -1)
                        : (WrittenBase.Captured, -1);
                case IFieldReferenceOperation field:
                    if (field.Field.IsStatic)
                    {
                        return (WrittenBase.Static, -1);
                    }

                    current = field.Instance;
                    break;
                case IPropertyReferenceOperation property:
                    if (property.Property.IsStatic)
                    {
                        return (WrittenBase.Static, -1);
                    }

                    current = property.Instance;
                    break;
                case IEventReferenceOperation @event:
                    if (@event.Event.IsStatic)
                    {
                        return (WrittenBase.Static, -1);
                    }

                    current = @event.Instance;
                    break;
                case IArrayElementReferenceOperation element:
                    current = element.ArrayReference;
                    break;
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    break;
                case IAwaitOperation:
                    return (WrittenBase.Own, -1); // a completed result
                default:
                    return (WrittenBase.Own, -1);
            }
        }

        return (WrittenBase.Own, -1);
    }

    /// <summary>The receiver a call acts on: its instance, or the first argument of an extension method.</summary>
    public static IOperation? ReceiverOf(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance;
        }

        return invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
    }

    /// <summary>
    /// True when a call changes its receiver: a call in source whose summary writes its instance, or one elsewhere whose name
    /// says it writes. Known-safe receivers (HttpClient, loggers…) are never changed.
    /// </summary>
    /// <param name="isKnownSafe">The known-safe test of the options in force; summaries use the built-in list.</param>
    public bool WritesReceiver(IInvocationOperation invocation, EffectSummary? summary, Func<ITypeSymbol, bool>? isKnownSafe = null)
    {
        if (ReceiverOf(invocation)?.Type is { } receiverType && (isKnownSafe ?? _types.IsBuiltInKnownSafe)(receiverType))
        {
            return false;
        }

        if (summary is not null)
        {
            return invocation.TargetMethod.IsExtensionMethod ? summary.WritesArgument(0) : summary.WritesThis;
        }

        return NameSaysItWrites(invocation.TargetMethod);
    }

    /// <summary>One walk over a method's body.</summary>
    private sealed class Summarizer
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

        public Summarizer(EffectAnalysis analysis, IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
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
                    case IAwaitOperation:
                        awaits = true;
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

            var completes = CompletesSynchronously(body, awaits);
            return !_writesThis && !_writesStatic && !_writesCaptured && Array.IndexOf(_writesParameter, true) < 0 && !completes
                ? EffectSummary.None
                : new EffectSummary(_writesThis, _writesStatic, _writesCaptured, _writesParameter.ToImmutableArray(), completes);
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

            var (written, ordinal) = BaseOf(target, _method);
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
            var summary = target is null ? null : _analysis.Of(target.OriginalDefinition, _depth + 1, _visiting, _cancellationToken);
            if (target is null)
            {
                return;
            }

            if (ReceiverOf(invocation) is { } receiver && _analysis.WritesReceiver(invocation, summary))
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
        /// An async method that never awaits, or a method whose every returned value is a completed task
        /// (<c>Task.FromResult</c>, <c>Task.CompletedTask</c>, <c>new ValueTask&lt;T&gt;(v)</c>, <c>default</c>).
        /// </summary>
        private bool CompletesSynchronously(IOperation body, bool awaits)
        {
            if (_method.IsAsync)
            {
                return !awaits && !_method.IsAsyncIteratorLike();
            }

            var returns = 0;
            foreach (var operation in body.SelfAndDescendants(o => o is not (IAnonymousFunctionOperation or ILocalFunctionOperation)))
            {
                if (operation is IReturnOperation { ReturnedValue: { } value })
                {
                    returns++;
                    if (!IsCompletedTask(value))
                    {
                        return false;
                    }
                }
            }

            return returns > 0;
        }

        private bool IsCompletedTask(IOperation value)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    return IsCompletedTask(conversion.Operand);
                case IDefaultValueOperation:
                    return value.Type is { IsValueType: true };
                case IObjectCreationOperation { Arguments.Length: 1 } creation:
                    // new ValueTask<T>(result); not new ValueTask(task) nor new Task(action).
                    return _analysis._types.GetAwaitableKind(creation.Type) == AwaitableKind.ValueTaskOfT
                           && creation.Arguments[0].Value.Type is { } argument
                           && _analysis._types.GetAwaitableKind(argument) == AwaitableKind.None;
                case IPropertyReferenceOperation { Property.Name: "CompletedTask", Property.IsStatic: true } property:
                    return _analysis._types.GetAwaitableKind(property.Property.ContainingType) != AwaitableKind.None;
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "FromResult" or "FromException" or "FromCanceled" } method }:
                    return _analysis._types.GetAwaitableKind(method.ContainingType) != AwaitableKind.None;
                default:
                    return false;
            }
        }
    }
}

internal static class MethodSymbolExtensions
{
    /// <summary>An async method returning IAsyncEnumerable: it yields over time whatever it awaits.</summary>
    public static bool IsAsyncIteratorLike(this IMethodSymbol method)
        => method.ReturnType is INamedTypeSymbol { Name: "IAsyncEnumerable" or "IAsyncEnumerator" };
}
