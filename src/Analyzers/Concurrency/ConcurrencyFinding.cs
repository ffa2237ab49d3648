using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Concurrency;

/// <summary>The shapes in which operations run at the same time (docs/design.md §7).</summary>
internal enum ConcurrencyShape
{
    /// <summary><c>Task.WhenAll(A(), B())</c> or <c>Task.WhenAny(…)</c>: the operands start together.</summary>
    WhenAll,

    /// <summary><c>var a = A();</c> then <c>B()</c> started before <c>a</c> is awaited.</summary>
    Started,

    /// <summary><c>tasks.Add(A());</c> then <c>B()</c> started before the collection is awaited.</summary>
    Collected,

    /// <summary><c>Task.WhenAll(items.Select(async i => …))</c>: one lambda run for each item, all at once.</summary>
    Select,

    /// <summary><c>Parallel.ForEachAsync(items, async (i, ct) => …)</c>.</summary>
    ForEachAsync,
}

/// <summary>Two operations (or the runs of one lambda) that run together and share a resource: what the diagnostic says.</summary>
internal sealed class ConcurrencyFinding
{
    public ConcurrencyFinding(ConcurrencyShape shape, SyntaxNode later, SyntaxNode? earlier, SharedResource shared)
    {
        Shape = shape;
        Later = later;
        Earlier = earlier;
        Shared = shared;
    }

    public ConcurrencyShape Shape { get; }

    /// <summary>The operation started while the other runs (for the loop shapes, the lambda).</summary>
    public SyntaxNode Later { get; }

    /// <summary>The operation already running; null for the loop shapes.</summary>
    public SyntaxNode? Earlier { get; }

    public SharedResource Shared { get; }
}
