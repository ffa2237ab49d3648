using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.5, the local file system: a local file answers in far less time than a network or database call, so
/// AWAIT001 wants at least two members of a group that wait on more than <c>System.IO.File</c>'s asynchronous methods
/// (directly, or through callees in source that wait on nothing else). Many files read in a loop still add up: AWAIT002
/// reports them.
/// </summary>
public partial class IndependenceModelTests
{
    /// <summary>A configuration reader in source whose only wait is a local file, beside a remote client.</summary>
    private const string ConfigAndRemote = """
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;
        public sealed class ConfigReader
        {
            public async Task<string[]> ReadPatternsAsync(string path)
            {
                var text = await File.ReadAllTextAsync(path);
                return text.Split('\n');
            }
            public Task<string> ReadRawAsync(string path) => File.ReadAllTextAsync(path);
            public async Task<string> ReadThenFetchAsync(HttpClient http, string path)
            {
                var url = await File.ReadAllTextAsync(path);
                return await http.GetStringAsync(url);
            }
        }

        """;

    [Fact]
    public async Task Benefit_TwoLocalFileReads_AreSilent()
    {
        await VerifyGroupAsync("""
            using System.IO;
            using System.Threading.Tasks;
            public class Dump
            {
                public async Task<int> RunAsync(string body, string properties)
                {
                    var text = await File.ReadAllTextAsync(body);
                    var json = await File.ReadAllTextAsync(properties);
                    return text.Length + json.Length;
                }
            }
            """);
    }

    /// <param name="read">A callee in source that awaits a local file read, or one that hands on its task.</param>
    [Theory]
    [InlineData("ReadPatternsAsync")]
    [InlineData("ReadRawAsync")]
    public async Task Benefit_ACalleeInSourceThatReadsALocalFileBesideARemoteCall_IsSilent(string read)
    {
        await VerifyGroupAsync(ConfigAndRemote + $$"""
            public class Verifier(HttpClient http, ConfigReader config)
            {
                public async Task<int> RunAsync()
                {
                    var local = await config.{{read}}("config.json");
                    var files = await http.GetStringAsync("/pulls/1/files");
                    return local.Length + files.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task Benefit_ALocalFileReadBesideTwoRemoteCalls_IsReportedWithTheGroup()
    {
        await VerifyGroupAsync(ConfigAndRemote + """
            public class Verifier(HttpClient http, ConfigReader config)
            {
                public async Task<int> RunAsync()
                {
                    var patterns = {|#0:await|} config.ReadPatternsAsync("config.json");
                    {|#1:var files = await http.GetStringAsync("/pulls/1/files");|}
                    {|#2:var reviews = await http.GetStringAsync("/pulls/1/reviews");|}
                    return patterns.Length + files.Length + reviews.Length;
                }
            }
            """, Expect.Group(0, 1, 2));
    }

    [Fact]
    public async Task Benefit_ACalleeThatReadsAFileAndThenCallsTheNetwork_IsReported()
    {
        await VerifyGroupAsync(ConfigAndRemote + """
            public class Verifier(HttpClient http, ConfigReader config)
            {
                public async Task<int> RunAsync()
                {
                    var remote = {|#0:await|} config.ReadThenFetchAsync(http, "endpoint.txt");
                    {|#1:var files = await http.GetStringAsync("/pulls/1/files");|}
                    return remote.Length + files.Length;
                }
            }
            """, Expect.Group(0, 1));
    }

    [Fact]
    public async Task Benefit_LocalFilesReadOneAtATimeInALoop_AreReported()
    {
        var test = VerifyLoop.Create("""
            using System.IO;
            using System.Threading.Tasks;

            """ + LoopOver("int unused", "await File.ReadAllTextAsync(path)", "string[] paths", "path"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }
}
