using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.CodeFixVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer, AwaitAnalyzers.CodeFixes.Rules.AwaitInLoopFixer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// AWAIT002's order-preserving fix (docs/design.md §4): the operations start together, then the rest of each iteration runs
/// as written, item by item, in the original order. Every fixed source compiles.
/// </summary>
public class AwaitInLoopFixerFissionTests
{
    private const string Services = """
        public class Page { public int Length { get; set; } public string Id { get; set; } = ""; }
        public class Fetcher
        {
            public Task<Page> GetPageAsync(string url) => Pending.Result(new Page { Length = url.Length, Id = url });
            public ValueTask<int> SizeAsync(string url) => new ValueTask<int>(Pending.Result(url.Length));
            public Task SendAsync(string url) => Pending.Done();
        }
        """;

    private static string InMethod(string body, string parameters = "Fetcher fetcher, string[] urls", string usings = "")
        => $$"""
        using System;
        using System.Collections.Generic;
        {{usings}}using System.Text;
        using System.Threading.Tasks;

        {{Services}}

        public class Caller
        {
            public async Task<int> RunAsync({{parameters}})
            {
                {{body.Replace("\n", "\n        ")}}
            }
        }
        """;

    private const string Linq = "using System.Linq;\n";

    /// <summary>The source has one loop, marked <c>{|#0:foreach|}</c> with its await marked <c>{|#1:…|}</c>.</summary>
    private static Task VerifyAsync(string source, string fixedSource)
    {
        var test = Verify.Create(source, fixedSource);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        return test.RunAsync();
    }

    [Fact]
    public async Task ArrayWithAnAccumulatorAndOutput_StartsTheOperationsThenRunsTheRestInOrder()
    {
        await VerifyAsync(
            InMethod("""
                var total = 0;
                {|#0:foreach|} (var url in urls)
                {
                    var page = {|#1:await fetcher.GetPageAsync(url)|};
                    Console.WriteLine($"{url}: {page.Length}");
                    total += page.Length;
                }
                return total;
                """),
            InMethod("""
                var total = 0;
                var pages = await Task.WhenAll(urls.Select(url => fetcher.GetPageAsync(url)));
                for (var i = 0; i < urls.Length; i++)
                {
                    var url = urls[i];
                    var page = pages[i];
                    Console.WriteLine($"{url}: {page.Length}");
                    total += page.Length;
                }
                return total;
                """, usings: Linq));
    }

    [Fact]
    public async Task ListWithACounterAndADictionaryFill_IndexesTheList()
    {
        await VerifyAsync(
            InMethod("""
                var valid = 0;
                var byId = new Dictionary<string, Page>();
                {|#0:foreach|} (var url in urls)
                {
                    Page page = {|#1:await fetcher.GetPageAsync(url)|};
                    if (page.Length > 3)
                        valid++;
                    byId[page.Id] = page;
                }
                return valid + byId.Count;
                """, "Fetcher fetcher, List<string> urls"),
            InMethod("""
                var valid = 0;
                var byId = new Dictionary<string, Page>();
                var pages = await Task.WhenAll(urls.Select(url => fetcher.GetPageAsync(url)));
                for (var i = 0; i < urls.Count; i++)
                {
                    var url = urls[i];
                    Page page = pages[i];
                    if (page.Length > 3)
                        valid++;
                    byId[page.Id] = page;
                }
                return valid + byId.Count;
                """, "Fetcher fetcher, List<string> urls", Linq));
    }

    [Fact]
    public async Task EnumerableSource_IsEnumeratedOnceIntoAList()
    {
        await VerifyAsync(
            InMethod("""
                var total = 0;
                {|#0:foreach|} (string url in urls)
                {
                    var page = {|#1:await fetcher.GetPageAsync(url)|};
                    total += page.Length;
                }
                return total;
                """, "Fetcher fetcher, IEnumerable<string> urls"),
            InMethod("""
                var total = 0;
                var urlList = urls.ToList();
                var pages = await Task.WhenAll(urlList.Select(url => fetcher.GetPageAsync(url)));
                for (var i = 0; i < urlList.Count; i++)
                {
                    string url = urlList[i];
                    var page = pages[i];
                    total += page.Length;
                }
                return total;
                """, "Fetcher fetcher, IEnumerable<string> urls", Linq));
    }

    [Fact]
    public async Task CommandWithoutAResult_KeepsTheLoopForTheRest()
    {
        await VerifyAsync(
            InMethod("""
                var sent = 0;
                {|#0:foreach|} (var url in urls)
                {
                    {|#1:await fetcher.SendAsync(url)|};
                    Console.WriteLine($"sent {url}");
                    sent++;
                }
                return sent;
                """),
            InMethod("""
                var sent = 0;
                await Task.WhenAll(urls.Select(url => fetcher.SendAsync(url)));
                foreach (var url in urls)
                {
                    Console.WriteLine($"sent {url}");
                    sent++;
                }
                return sent;
                """, usings: Linq));
    }

    [Fact]
    public async Task ValueTaskWithConfigureAwait_BecomesAsTask_AndWhenAllKeepsConfigureAwait()
    {
        await VerifyAsync(
            InMethod("""
                var report = new StringBuilder();
                {|#0:foreach|} (var url in urls)
                {
                    var size = {|#1:await fetcher.SizeAsync(url).ConfigureAwait(false)|};
                    report.AppendLine($"{url} {size}");
                }
                return report.Length;
                """),
            InMethod("""
                var report = new StringBuilder();
                var sizes = await Task.WhenAll(urls.Select(url => fetcher.SizeAsync(url).AsTask())).ConfigureAwait(false);
                for (var i = 0; i < urls.Length; i++)
                {
                    var url = urls[i];
                    var size = sizes[i];
                    report.AppendLine($"{url} {size}");
                }
                return report.Length;
                """, usings: Linq));
    }

    [Fact]
    public async Task PurePrelude_StaysWithTheOperationInAnAsyncLambda()
    {
        await VerifyAsync(
            InMethod("""
                var total = 0;
                {|#0:foreach|} (var url in urls)
                {
                    var address = url.Trim().ToLowerInvariant();
                    var page = {|#1:await fetcher.GetPageAsync(address)|};
                    total += page.Length;
                }
                return total;
                """),
            InMethod("""
                var total = 0;
                var pages = await Task.WhenAll(urls.Select(async url =>
                {
                    var address = url.Trim().ToLowerInvariant();
                    return await fetcher.GetPageAsync(address);
                }));
                for (var i = 0; i < urls.Length; i++)
                {
                    var url = urls[i];
                    var page = pages[i];
                    total += page.Length;
                }
                return total;
                """, usings: Linq));
    }

    [Fact]
    public async Task CountingFor_KeepsItsHeaderForTheRest()
    {
        await VerifyAsync(
            InMethod("""
                var total = 0;
                {|#0:for|} (int n = 1; n < 4; n++)
                {
                    var page = {|#1:await fetcher.GetPageAsync(n.ToString())|};
                    total += page.Length * n;
                }
                return total;
                """),
            InMethod("""
                var total = 0;
                var pages = await Task.WhenAll(Enumerable.Range(1, 4 - 1).Select(n => fetcher.GetPageAsync(n.ToString())));
                for (int n = 1; n < 4; n++)
                {
                    var page = pages[n - 1];
                    total += page.Length * n;
                }
                return total;
                """, usings: Linq));
    }

    [Fact]
    public async Task CountingForOverTheElements_SelectsThemAndKeepsItsHeaderForTheRest()
    {
        await VerifyAsync(
            InMethod("""
                var total = 0;
                {|#0:for|} (int i = 0; i < urls.Length; i++)
                {
                    var page = {|#1:await fetcher.GetPageAsync(urls[i])|};
                    Console.WriteLine($"{urls[i]}: {page.Length}");
                    total += page.Length;
                }
                return total;
                """),
            InMethod("""
                var total = 0;
                var pages = await Task.WhenAll(urls.Select(url => fetcher.GetPageAsync(url)));
                for (int i = 0; i < urls.Length; i++)
                {
                    var page = pages[i];
                    Console.WriteLine($"{urls[i]}: {page.Length}");
                    total += page.Length;
                }
                return total;
                """, usings: Linq));
    }

    [Fact]
    public async Task Comments_StayWithTheStatementsTheyDescribe()
    {
        await VerifyAsync(
            InMethod("""
                var total = 0;
                // every page once
                {|#0:foreach|} (var url in urls) // in the given order
                {
                    // download it
                    var page = {|#1:await fetcher.GetPageAsync(url)|};
                    // then count it
                    total += page.Length; // bytes
                }
                return total;
                """),
            InMethod("""
                var total = 0;
                // every page once
                // in the given order
                // download it
                var pages = await Task.WhenAll(urls.Select(url => fetcher.GetPageAsync(url)));
                for (var i = 0; i < urls.Length; i++)
                {
                    var url = urls[i];
                    var page = pages[i];
                    // then count it
                    total += page.Length; // bytes
                }
                return total;
                """, usings: Linq));
    }

    [Fact]
    public async Task NamesInUse_AreNotTakenAgain()
    {
        await VerifyAsync(
            InMethod("""
                var pages = 0;
                var i = 0;
                {|#0:foreach|} (var url in urls)
                {
                    var page = {|#1:await fetcher.GetPageAsync(url)|};
                    pages += page.Length + i;
                }
                return pages;
                """),
            InMethod("""
                var pages = 0;
                var i = 0;
                var pages2 = await Task.WhenAll(urls.Select(url => fetcher.GetPageAsync(url)));
                for (var i2 = 0; i2 < urls.Length; i2++)
                {
                    var url = urls[i2];
                    var page = pages2[i2];
                    pages += page.Length + i;
                }
                return pages;
                """, usings: Linq));
    }

    [Fact]
    public async Task BoundedAction_IsNotOffered_WhereTheRestMustRunInOrder()
    {
        var source = InMethod("""
            var total = 0;
            {|#0:foreach|} (var url in urls)
            {
                var page = {|#1:await fetcher.GetPageAsync(url)|};
                total += page.Length;
            }
            return total;
            """);
        var test = Verify.Create(source, source);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.CodeActionIndex = null;
        test.CodeActionEquivalenceKey = "AWAIT002.ParallelForEachAsync";
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_SplitsEveryLoopOfTheDocument()
    {
        var test = Verify.Create(
            InMethod("""
                var total = 0;
                {|#0:foreach|} (var url in urls)
                {
                    var page = {|#1:await fetcher.GetPageAsync(url)|};
                    total += page.Length;
                }
                {|#2:foreach|} (var url in urls)
                {
                    var size = {|#3:await fetcher.SizeAsync(url)|};
                    total -= size;
                }
                return total;
                """),
            InMethod("""
                var total = 0;
                var pages = await Task.WhenAll(urls.Select(url => fetcher.GetPageAsync(url)));
                for (var i = 0; i < urls.Length; i++)
                {
                    var url = urls[i];
                    var page = pages[i];
                    total += page.Length;
                }
                var sizes = await Task.WhenAll(urls.Select(url => fetcher.SizeAsync(url).AsTask()));
                for (var i2 = 0; i2 < urls.Length; i2++)
                {
                    var url = urls[i2];
                    var size = sizes[i2];
                    total -= size;
                }
                return total;
                """, usings: Linq));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.ExpectedDiagnostics.Add(Expect.Loop(2, 3));
        await test.RunAsync();
    }
}
