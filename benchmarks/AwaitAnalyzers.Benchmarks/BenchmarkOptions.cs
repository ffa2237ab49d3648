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
          --profile            time each step of AWAIT001 over the code base instead (where the analyzer's time goes)
        """;

    public int Modules { get; private set; } = 334;

    public int Iterations { get; private set; } = 3;

    public int Seed { get; private set; } = 1;

    public ImmutableArray<int> FixAllSites { get; private set; } = ImmutableArray.Create(100, 1000);

    public bool Concurrent { get; private set; }

    public bool Quick { get; private set; }

    public string? MarkdownPath { get; private set; }

    public bool Profile { get; private set; }

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
