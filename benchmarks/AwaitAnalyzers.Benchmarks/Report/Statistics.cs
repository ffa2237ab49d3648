using System;
using System.Collections.Generic;
using System.Linq;

namespace AwaitAnalyzers.Benchmarks.Report;

internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double Median<T>(IEnumerable<T> items, Func<T, double> value) => Median(items.Select(value));
}
