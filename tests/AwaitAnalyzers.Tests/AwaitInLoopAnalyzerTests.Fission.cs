using System.Collections.Immutable;
using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// AWAIT002 on loops whose only loop-carried writes are in the synchronous rest after their one await (docs/design.md §2):
/// the order-preserving fix makes them safe. Beside them, every shape that split would change stays silent.
/// </summary>
public class AwaitInLoopAnalyzerFissionTests
{
    /// <summary>ILogger, for log output in a rest (a known-safe type, docs/design.md §3.2).</summary>
    private static readonly ReferenceAssemblies WithLogging = References.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.Extensions.Logging.Abstractions", "8.0.2")));

    private const string Services = """
        public class Page { public int Length { get; set; } public string Id { get; set; } = ""; public bool IsValid => Length > 0; }
        public class Fetcher
        {
            public Task<Page> GetPageAsync(string url) => Pending.Result(new Page { Length = url.Length, Id = url });
            public Task<Page> GetPageAsync(string url, int offset) => Pending.Result(new Page { Length = offset });
            public Task SendAsync(string url) => Pending.Done();
        }
        public class Repository
        {
            private readonly System.Data.Common.DbConnection _connection;
            public Repository(System.Data.Common.DbConnection connection) => _connection = connection;
            public Task<Page> FindAsync(string id) => Pending.Result(new Page());
        }
        public static class Audit
        {
            public static string Stamp(string url)
            {
                System.Console.WriteLine(url);
                return url;
            }
        }
        """;

    private static string InMethod(string body, string parameters = "Fetcher fetcher, string[] urls")
        => $$"""
        using System;
        using System.Collections.Generic;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        {{Services}}

        public class Caller
        {
            public async Task<int> RunAsync({{parameters}})
            {
                {{body.Replace("\n", "\n        ")}}
            }
        }
        """;

    private static Task ReportedAsync(string body, string parameters = "Fetcher fetcher, string[] urls")
    {
        var test = Verify.Create(InMethod(body, parameters));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.ReferenceAssemblies = WithLogging;
        return test.RunAsync();
    }

    private static Task SilentAsync(string body, string parameters = "Fetcher fetcher, string[] urls")
    {
        var test = Verify.Create(InMethod(body, parameters));
        test.ReferenceAssemblies = WithLogging;
        return test.RunAsync();
    }

    // ---- reported: loop-carried writes only in the rest ----

    [Fact]
    public async Task AccumulatorAfterTheAwait_IsReported()
    {
        await ReportedAsync("""
            var total = 0;
            {|#0:foreach|} (var url in urls)
            {
                var page = {|#1:await fetcher.GetPageAsync(url)|};
                total += page.Length;
            }
            return total;
            """);
    }

    [Fact]
    public async Task CounterAndDictionaryFillAfterTheAwait_AreReported()
    {
        await ReportedAsync("""
            var valid = 0;
            var byId = new Dictionary<string, Page>();
            {|#0:foreach|} (var url in urls)
            {
                var page = {|#1:await fetcher.GetPageAsync(url)|};
                if (page.IsValid)
                    valid++;
                byId[page.Id] = page;
            }
            return valid + byId.Count;
            """);
    }

    [Fact]
    public async Task StringBuilderAndConsoleOutputAfterTheAwait_AreReported()
    {
        await ReportedAsync("""
            var report = new StringBuilder();
            {|#0:foreach|} (var url in urls)
            {
                var page = {|#1:await fetcher.GetPageAsync(url)|};
                Console.WriteLine($"{url}: {page.Length}");
                report.AppendLine(page.Id);
            }
            return report.Length;
            """);
    }

    [Fact]
    public async Task LogOutputAndAListFillAfterACommand_AreReported()
    {
        await ReportedAsync("""
            var sent = new List<string>();
            {|#0:foreach|} (var url in urls)
            {
                {|#1:await fetcher.SendAsync(url)|};
                logger.LogInformation("Sent {Url}", url);
                sent.Add(url);
            }
            return sent.Count;
            """, "Fetcher fetcher, string[] urls, ILogger logger");
    }

    [Fact]
    public async Task FieldAccumulatorAndACallOnThis_AfterTheAwait_AreReported()
    {
        var test = Verify.Create($$"""
            using System.Threading.Tasks;

            {{Services}}

            public class Caller
            {
                private readonly Fetcher _fetcher = new();
                private int _total;
                private int _seen;

                private void Remember(Page page) => _seen++;

                public async Task RunAsync(string[] urls)
                {
                    {|#0:foreach|} (var url in urls)
                    {
                        var page = {|#1:await _fetcher.GetPageAsync(url)|};
                        _total += page.Length;
                        Remember(page);
                    }
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task CountingForWithAnAccumulator_IsReported()
    {
        await ReportedAsync("""
            var total = 0;
            {|#0:for|} (int i = 0; i < urls.Length; i++)
            {
                var page = {|#1:await fetcher.GetPageAsync(urls[i])|};
                total += page.Length;
            }
            return total;
            """);
    }

    [Fact]
    public async Task PurePreludeBeforeTheAwait_IsReported()
    {
        await ReportedAsync("""
            var total = 0;
            {|#0:foreach|} (var url in urls)
            {
                var address = url.Trim();
                var page = {|#1:await fetcher.GetPageAsync(address)|};
                total += page.Length;
            }
            return total;
            """);
    }

    // ---- silent: the split would change what the loop does ----

    [Fact]
    public async Task OperationReadingWhatTheRestWrites_IsSilent()
    {
        await SilentAsync("""
            var offset = 0;
            foreach (var url in urls)
            {
                var page = await fetcher.GetPageAsync(url, offset);
                offset += page.Length;
            }
            return offset;
            """);
    }

    [Fact]
    public async Task PreludeReadingWhatTheRestWrites_IsSilent()
    {
        await SilentAsync("""
            var offset = 0;
            foreach (var url in urls)
            {
                var address = url + offset.ToString();
                var page = await fetcher.GetPageAsync(address);
                offset += page.Length;
            }
            return offset;
            """);
    }

    [Fact]
    public async Task RestMovingTheCounterOrTheBound_IsSilent()
    {
        await SilentAsync("""
            var total = 0;
            var count = urls.Length;
            for (int i = 0; i < count; i++)
            {
                var page = await fetcher.GetPageAsync(urls[i]);
                count -= page.Length > 100 ? 1 : 0;
            }
            for (int i = 0; i < urls.Length; i++)
            {
                var page = await fetcher.GetPageAsync(urls[i]);
                total += page.Length;
                i += total > 100 ? 1 : 0;
            }
            return total;
            """);
    }

    [Fact]
    public async Task RestChangingTheIteratedList_IsSilent()
    {
        await SilentAsync("""
            foreach (var url in urls)
            {
                var page = await fetcher.GetPageAsync(url);
                urls.Remove(page.Id);
            }
            return urls.Count;
            """, "Fetcher fetcher, List<string> urls");
    }

    [Fact]
    public async Task PreludeWithAnEffect_IsSilent()
    {
        await SilentAsync("""
            var total = 0;
            foreach (var url in urls)
            {
                var stamp = Audit.Stamp(url);
                var page = await fetcher.GetPageAsync(stamp);
                total += page.Length;
            }
            return total;
            """);
    }

    [Fact]
    public async Task StatementBeforeTheAwaitThatIsNotADeclaration_IsSilent()
    {
        await SilentAsync("""
            var total = 0;
            foreach (var url in urls)
            {
                Console.WriteLine(url);
                var page = await fetcher.GetPageAsync(url);
                total += page.Length;
            }
            return total;
            """);
    }

    [Fact]
    public async Task RestReadingAPreludeLocal_IsSilent()
    {
        await SilentAsync("""
            var total = 0;
            foreach (var url in urls)
            {
                var address = url.Trim();
                var page = await fetcher.GetPageAsync(address);
                total += page.Length + address.Length;
            }
            return total;
            """);
    }

    [Theory]
    [InlineData("if (total > 100) break;")]
    [InlineData("if (total > 100) continue;")]
    [InlineData("if (total > 100) return total;")]
    [InlineData("if (total > 100) throw new InvalidOperationException();")]
    public async Task RestThatLeavesTheLoopEarly_IsSilent(string exit)
    {
        await SilentAsync($$"""
            var total = 0;
            foreach (var url in urls)
            {
                var page = await fetcher.GetPageAsync(url);
                total += page.Length;
                {{exit}}
            }
            return total;
            """);
    }

    [Fact]
    public async Task AwaitInsideTheRest_IsSilent()
    {
        await SilentAsync("""
            var total = 0;
            foreach (var url in urls)
            {
                var page = await fetcher.GetPageAsync(url);
                total += page.Length;
                await fetcher.SendAsync(page.Id);
            }
            return total;
            """);
    }

    [Fact]
    public async Task AwaitInsideATry_IsSilent()
    {
        await SilentAsync("""
            var total = 0;
            foreach (var url in urls)
            {
                try
                {
                    var page = await fetcher.GetPageAsync(url);
                    total += page.Length;
                }
                catch (InvalidOperationException)
                {
                }
            }
            return total;
            """);
    }

    [Fact]
    public async Task AwaitInsideTheAccumulatingExpression_IsSilent()
    {
        await SilentAsync("""
            var total = 0;
            foreach (var url in urls)
                total += (await fetcher.GetPageAsync(url)).Length;
            return total;
            """);
    }

    [Fact]
    public async Task RestCallingALambdaOfTheMethod_IsSilent()
    {
        await SilentAsync("""
            var total = 0;
            Action<int> add = n => total += n;
            foreach (var url in urls)
            {
                var page = await fetcher.GetPageAsync(url);
                add(page.Length);
            }
            return total;
            """);
    }

    [Fact]
    public async Task RestChangingThisWhileTheOperationIsOnThis_IsSilent()
    {
        await Verify.VerifyAsync($$"""
            using System.Threading.Tasks;

            {{Services}}

            public class Caller
            {
                private int _offset;

                private Task<Page> FetchAsync(string url) => Pending.Result(new Page { Length = url.Length + _offset });

                public async Task RunAsync(string[] urls)
                {
                    foreach (var url in urls)
                    {
                        var page = await FetchAsync(url);
                        _offset += page.Length;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LoopThatIsNotInAStatementList_IsSilent()
    {
        await SilentAsync("""
            var total = 0;
            if (urls.Length > 0)
                foreach (var url in urls)
                {
                    var page = await fetcher.GetPageAsync(url);
                    total += page.Length;
                }
            return total;
            """);
    }

    [Fact]
    public async Task SharedResource_StaysSilentWithARest()
    {
        await SilentAsync("""
            var total = 0;
            foreach (var url in urls)
            {
                var page = await repository.FindAsync(url);
                total += page.Length;
            }
            return total;
            """, "Repository repository, string[] urls");
    }

    [Fact]
    public async Task DeclaredIntent_StaysSilentWithARest()
    {
        await SilentAsync("""
            var total = 0;
            // one at a time: the server allows a single request
            foreach (var url in urls)
            {
                var page = await fetcher.GetPageAsync(url);
                total += page.Length;
            }
            return total;
            """);
    }

    [Fact]
    public async Task LaterAwaitUsingTheFirst_WithOutputAfterIt_IsSilent()
    {
        await SilentAsync("""
            foreach (var url in urls)
            {
                var page = await fetcher.GetPageAsync(url);
                var next = await fetcher.GetPageAsync(page.Id);
                Console.WriteLine(next.Length);
            }
            return 0;
            """);
    }
}
