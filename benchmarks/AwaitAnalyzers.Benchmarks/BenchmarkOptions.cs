using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace AwaitAnalyzers.Benchmarks;

/// <summary>Command-line options. <c>--quick</c> fits five minutes on two cores; the default is the full-size code base.</summary>
internal sealed class BenchmarkOptions
{
    public const string Usage = """
        dotnet run -c Release --project benchmarks/AwaitAnalyzers.Benchmarks -- [options]
          --quick              40 modules (240 files, ~2,400 async methods), 3 iterations: under 5 minutes on 2 cores
          --modules N          modules of 6 files / ~60 async methods each (default 334: ~2,000 files, ~20,000 async methods)
          --iterations N       measured rounds of every configuration, after a warm-up (default 3; the median is shown)
          --seed N             generator seed (default 1)
          --fix-all A,B        Fix All workloads, in AWAIT001 sites (default 100,1000); --no-fix-all skips them
          --concurrent         concurrent build and analysis (default: one thread, steadier on a shared machine)
          --markdown PATH      also write the tables to PATH
          --profile            time each step of AWAIT001 over the code base instead (where the analyzer's time goes);
                               with --editor PATH: each of our analyzers over each real project, cold and warm, step by step

        Real code bases (a solution, .slnx, .slnf or project file; nothing is written into its tree but bin/obj):
          --real-build PATH    real `dotnet build`s, one node, ReportAnalyzer on: reference builds and builds with
                               AwaitAnalyzers, AsyncFixer, VS.Threading.Analyzers and Meziantou.Analyzer injected
          --editor PATH        per-document latency as the IDE computes it (semantic model of one document,
                               analyzers on its span), each analyzer package alone, p50/p95/max
          --runs N             builds of each configuration after one warm-up (default 3); --iterations is the same
          --exclude A,B        leave out the solution's projects whose path contains A or B (e.g. ones that do not restore)
          --documents N        --editor: the N largest documents only (default: every document)
          --copy               build a copy of the target's folder in the work directory (for the tracked sample)
          --shared-compilation use the compiler server (default: one csc process per project, UseSharedCompilation=false)
          --configuration C    build configuration (default Debug, as `dotnet build`)
          --work-dir PATH      where logs, SARIF files and the injected targets go (default: a new folder under /tmp)
          --name TEXT          the code base's name in the tables (default: the target's file name)
          --analyzers DIR      our analyzers from DIR (AwaitAnalyzers.dll, AwaitAnalyzers.CodeFixes.dll; e.g. src/ of one
                               commit built apart) instead of the build this project references (the working tree)
        """;

    public int Modules { get; private set; } = 334;

    public int Iterations { get; private set; } = 3;

    public int Seed { get; private set; } = 1;

    public ImmutableArray<int> FixAllSites { get; private set; } = ImmutableArray.Create(100, 1000);

    public bool Concurrent { get; private set; }

    public bool Quick { get; private set; }

    public string? MarkdownPath { get; private set; }

    public bool Profile { get; private set; }

    public string? RealBuildTarget { get; private set; }

    public string? EditorTarget { get; private set; }

    public ImmutableArray<string> Exclude { get; private set; } = ImmutableArray<string>.Empty;

    public int Documents { get; private set; }

    public bool Copy { get; private set; }

    public bool SharedCompilation { get; private set; }

    public string BuildConfiguration { get; private set; } = "Debug";

    public string? WorkDirectory { get; private set; }

    public string? Name { get; private set; }

    public string? AnalyzersDirectory { get; private set; }

    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options.Quick = true;
                    options.Modules = 40;
                    options.Iterations = 3;
                    break;
                case "--modules":
                    options.Modules = Positive(args, ++i);
                    break;
                case "--iterations":
                case "--runs":
                    options.Iterations = Positive(args, ++i);
                    break;
                case "--seed":
                    options.Seed = Positive(args, ++i);
                    break;
                case "--fix-all":
                    options.FixAllSites = Value(args, ++i).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToImmutableArray();
                    break;
                case "--no-fix-all":
                    options.FixAllSites = ImmutableArray<int>.Empty;
                    break;
                case "--concurrent":
                    options.Concurrent = true;
                    break;
                case "--profile":
                    options.Profile = true;
                    break;
                case "--real-build":
                    options.RealBuildTarget = Value(args, ++i);
                    break;
                case "--editor":
                    options.EditorTarget = Value(args, ++i);
                    break;
                case "--exclude":
                    options.Exclude = Value(args, ++i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();
                    break;
                case "--documents":
                    options.Documents = Positive(args, ++i);
                    break;
                case "--copy":
                    options.Copy = true;
                    break;
                case "--shared-compilation":
                    options.SharedCompilation = true;
                    break;
                case "--configuration":
                    options.BuildConfiguration = Value(args, ++i);
                    break;
                case "--work-dir":
                    options.WorkDirectory = Value(args, ++i);
                    break;
                case "--analyzers":
                    options.AnalyzersDirectory = System.IO.Path.GetFullPath(Value(args, ++i));
                    break;
                case "--name":
                    options.Name = Value(args, ++i);
                    break;
                case "--markdown":
                    options.MarkdownPath = Value(args, ++i);
                    break;
                default:
                    return null;
            }
        }

        return options;
    }

    private static string Value(string[] args, int index)
        => index < args.Length ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value.");

    private static int Positive(string[] args, int index)
    {
        var value = int.Parse(Value(args, index), CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"{args[index - 1]} must be positive.");
    }
}
