using System;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>One Fix All run: how many sites it had, how long the fix took, and whether the result is clean.</summary>
internal sealed record FixAllResult(int Sites, int Documents, int Reported, TimeSpan Diagnose, TimeSpan FixAll, int Left, int ErrorsAfter);
