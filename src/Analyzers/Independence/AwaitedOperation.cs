using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>What an awaited operation means for ordering (docs/design.md §3.3–§3.5).</summary>
internal enum OperationIntent
{
    /// <summary>Its result is stored and its name does not say it changes state.</summary>
    Query,

    /// <summary>docs/design.md §3.4: returns nothing, discards its result, or its name starts with a state-changing verb.</summary>
    Command,

    /// <summary>docs/design.md §3.3: a pause, a synchronisation step, or a call that commits or finishes something.</summary>
    OrderingStep,

    /// <summary>docs/design.md §3.5: already complete (Task.FromResult and the like): nothing to overlap.</summary>
    NoBenefit,
}

/// <summary>An awaited invocation with its meaning: the unit the independence model compares.</summary>
internal sealed class AwaitedOperation
{
    public AwaitedOperation(
        AwaitStatement statement,
        IInvocationOperation invocation,
        AwaitableKind awaitable,
        OperationIntent intent)
    {
        Statement = statement;
        Invocation = invocation;
        Awaitable = awaitable;
        Intent = intent;
    }

    public AwaitStatement Statement { get; }

    /// <summary>The awaited invocation, without ConfigureAwait.</summary>
    public IInvocationOperation Invocation { get; }

    public IMethodSymbol Method => Invocation.TargetMethod;

    /// <summary>The operation invokes a delegate: its callee is not seen (docs/design.md §3.10).</summary>
    public bool InvokesDelegate => Invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke;

    public AwaitableKind Awaitable { get; }

    public OperationIntent Intent { get; }

    /// <summary>Data flow of the whole statement, computed once: a run of n statements compares each with every later one.</summary>
    public DataFlowAnalysis? StatementFlow(SemanticModel model)
        => _statementFlow ??= model.AnalyzeDataFlow(Statement.Statement);

    /// <summary>Data flow of the awaited expression alone (what starts the operation), computed once.</summary>
    public DataFlowAnalysis? OperandFlow(SemanticModel model)
        => _operandFlow ??= model.AnalyzeDataFlow(Statement.Await.Expression);

    private DataFlowAnalysis? _statementFlow;
    private DataFlowAnalysis? _operandFlow;

    /// <summary>Roots (docs/design.md §3.2), computed on first use: most operations never reach the resource test.</summary>
    internal System.Collections.Immutable.ImmutableArray<Root> Roots { get; set; }

    /// <summary>What it may write that others read (docs/design.md §3.10), computed on first use.</summary>
    internal SharedWrites? Writes { get; set; }
}
