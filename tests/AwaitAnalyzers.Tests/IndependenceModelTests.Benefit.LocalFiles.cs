using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.5, the local file system: a local file answers in far less time than a network or database call, so
/// AWAIT001 wants at least two members of a group that wait on more than <c>System.IO.File</c>'s asynchronous methods
/// (directly, or through callees in source that wait on nothing else), a <c>FileStream</c>'s own asynchronous members, and
/// synchronous file-system work handed to <c>Task.Run</c>. A loop is reported only when an iteration waits on more than that:
/// every iteration's files share one disk.
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

    /// <summary>A file store in source: copies through file streams, moves on the thread pool, and an upload.</summary>
    private const string FileStore = """
        using System.IO;
        using System.Net.Http;
        using System.Security.Cryptography;
        using System.Threading.Tasks;
        public sealed class FileStore(HttpClient http)
        {
            public async Task<string> CopyAsync(string source, string target)
            {
                await using var from = File.OpenRead(source);
                await using var to = new FileInfo(target).OpenWrite();
                await from.CopyToAsync(to);
                return target;
            }
            public async Task<string> MoveAsync(string source, string directory)
            {
                var target = Target(directory, source);
                await Task.Run(() => new FileInfo(source).MoveTo(target, true));
                return target;
            }
            public async Task<long> HashAsync(string path)
            {
                await using var stream = File.OpenRead(path);
                var buffer = new byte[4096];
                long sum = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    sum += read;
                }
                return sum;
            }
            public async Task<string> UploadAsync(string source, string url)
            {
                await using var from = File.OpenRead(source);
                using var content = new StreamContent(from);
                using var response = await http.PostAsync(url, content);
                return url;
            }
            public async Task<string> CopyToPipeAsync(string source, string pipeName)
            {
                await using var from = File.OpenRead(source);
                using var pipe = new System.IO.Pipes.NamedPipeClientStream(".", pipeName);
                pipe.Connect();
                await from.CopyToAsync(pipe);
                return source;
            }
            public async Task<byte[]> DigestAsync(byte[] data)
                => await Task.Run(() => SHA256.HashData(data));
            private static string Target(string directory, string source) => Path.Combine(directory, Path.GetFileName(source));
        }

        """;

    [Fact]
    public async Task Benefit_LocalFilesWrittenOneAtATimeInALoop_AreSilent()
    {
        await VerifyLoopAsync("""
            using System.IO;
            using System.Threading.Tasks;
            public class Saver
            {
                public async Task SaveAsync(string directory, byte[][] images)
                {
                    var index = 0;
                    foreach (var image in images)
                    {
                        await File.WriteAllBytesAsync(Path.Combine(directory, $"{index++}.png"), image);
                    }
                }
                public async Task<int> ReadAsync(string[] paths)
                {
                    var total = 0;
                    foreach (var path in paths)
                    {
                        var text = await File.ReadAllTextAsync(path);
                        total += text.Length;
                    }
                    return total;
                }
            }
            """);
    }

    /// <param name="call">A callee in source whose only waits are file streams, or file-system work on the thread pool.</param>
    [Theory]
    [InlineData("store.CopyAsync(path, \"backup/\" + path)")]
    [InlineData("store.MoveAsync(path, \"archive\")")]
    [InlineData("store.HashAsync(path)")]
    public async Task Benefit_FileStreamsAndOffloadedFileWorkInALoop_AreSilent(string call)
    {
        await VerifyLoopAsync(FileStore + SilentLoopOver("FileStore store", $"await {call}", "string[] paths", "path"));
    }

    /// <param name="call">A callee in source that sends a file over the network or into a pipe, or offloads work that is not the file system's.</param>
    [Theory]
    [InlineData("store.UploadAsync(path, \"https://example.org/upload\")", "string[] paths", "path")]
    [InlineData("store.CopyToPipeAsync(path, \"printer\")", "string[] paths", "path")]
    [InlineData("store.DigestAsync(block)", "byte[][] blocks", "block")]
    public async Task Benefit_AFileSentOverTheNetworkOrOffloadedComputationInALoop_IsReported(string call, string items, string item)
    {
        await VerifyLoopAsync(
            FileStore + LoopOver("FileStore store", $"await {call}", items, item),
            expected: Expect.Loop(0, 1));
    }

    [Fact]
    public async Task Benefit_TwoFileHashesThroughFileStreams_AreSilent()
    {
        await VerifyGroupAsync(FileStore + """
            public class Deduplicator(FileStore store)
            {
                public async Task<bool> SameAsync(string source, string target)
                {
                    var first = await store.HashAsync(source);
                    var second = await store.HashAsync(target);
                    return first == second;
                }
            }
            """);
    }
}
