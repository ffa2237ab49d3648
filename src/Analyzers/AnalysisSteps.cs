using System;

namespace AwaitAnalyzers;

/// <summary>Told when a step of the analyzers starts and ends (the benchmarks' profiler times the real analyzers with it).</summary>
internal interface IStepObserver
{
    void Started(string step);

    void Stopped(string step);
}

/// <summary>
/// The main steps of both rules, named for a profiler. <see cref="Observer"/> is null in production, so a step costs one
/// null check: <c>using (AnalysisSteps.Time("…")) { … }</c>.
/// </summary>
internal static class AnalysisSteps
{
    public static IStepObserver? Observer { get; set; }

    public static Step Time(string step)
    {
        var observer = Observer;
        observer?.Started(step);
        return new Step(observer, step);
    }

    /// <summary>Ends its step when disposed; does nothing when no observer was set.</summary>
    internal readonly struct Step : IDisposable
    {
        private readonly IStepObserver? _observer;
        private readonly string _name;

        public Step(IStepObserver? observer, string name)
        {
            _observer = observer;
            _name = name;
        }

        public void Dispose() => _observer?.Stopped(_name);
    }
}
