using System.Collections.Generic;

namespace AwaitAnalyzers.Benchmarks.Generation;

/// <summary>How many generated methods should draw each verdict: printed beside what the analyzers report.</summary>
internal sealed class Census
{
    private readonly Dictionary<Expectation, int> _counts = new();

    public void Add(Expectation expectation, int count)
        => _counts[expectation] = Count(expectation) + count;

    public int Count(Expectation expectation) => _counts.TryGetValue(expectation, out var count) ? count : 0;
}
