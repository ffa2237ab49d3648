using System;
using System.Diagnostics;
using System.Threading;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>What one measured run cost: wall time, process CPU time, bytes allocated, and the peak GC heap.</summary>
internal readonly record struct RunCost(TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes, long PeakHeapBytes);

/// <summary>
/// Measures one run. The peak is the largest GC heap size (live objects and garbage not yet collected) seen by a
/// sampler every 5 ms, above the heap after a full collection just before the run; allocation is exact.
/// </summary>
internal sealed class RunProbe : IDisposable
{
    private readonly Stopwatch _wall;
    private readonly TimeSpan _cpuBefore;
    private readonly long _allocatedBefore;
    private readonly long _heapBefore;
    private readonly Thread _sampler;
    private long _peakHeap;
    private volatile bool _stopped;

    private RunProbe()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        _heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        _peakHeap = _heapBefore;
        _sampler = new Thread(Sample) { IsBackground = true, Name = "heap sampler", Priority = ThreadPriority.AboveNormal };
        _sampler.Start();
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        _wall = Stopwatch.StartNew();
    }

    public static RunProbe Start() => new();

    public RunCost Stop()
    {
        _wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore;
        Record();
        _stopped = true;
        _sampler.Join();
        return new RunCost(_wall.Elapsed, cpu, allocated, Interlocked.Read(ref _peakHeap) - _heapBefore);
    }

    public void Dispose()
    {
        _stopped = true;
    }

    private void Sample()
    {
        while (!_stopped)
        {
            Record();
            Thread.Sleep(5);
        }
    }

    private void Record()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        long peak;
        do
        {
            peak = Interlocked.Read(ref _peakHeap);
            if (heap <= peak)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _peakHeap, heap, peak) != peak);
    }
}
