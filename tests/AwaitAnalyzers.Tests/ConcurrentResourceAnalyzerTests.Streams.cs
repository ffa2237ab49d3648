using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.ConcurrentResourceAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// AWAIT003 (docs/design.md §7) on streams: a duplex stream (a socket's, TLS, a pipe) serves one reader and one writer at
/// once, so a relay that pumps both ways is silent; two writes to one file stream are reported.
/// </summary>
public partial class ConcurrentResourceAnalyzerTests
{
    private const string Relay = """
        using System;
        using System.IO;
        using System.Net.Security;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;
        public class Relay
        {
            private static async Task PumpAsync(Stream from, Stream to, CancellationToken token)
            {
                var buffer = new byte[4096];
                int read;
                while ((read = await from.ReadAsync(buffer, token)) > 0)
                    await to.WriteAsync(buffer.AsMemory(0, read), token);
            }

        """;

    [Fact]
    public async Task WhenAny_ARelayBetweenTwoDuplexStreams_IsSilent()
    {
        await Verify.VerifyAsync(Relay + """
                public async Task RunAsync(TcpClient client, TcpClient upstream, SslStream secure, CancellationToken token)
                {
                    using var clientStream = client.GetStream();
                    using var upstreamStream = upstream.GetStream();
                    var up = PumpAsync(clientStream, upstreamStream, token);
                    var down = PumpAsync(upstreamStream, clientStream, token);
                    await Task.WhenAny(up, down);
                    await Task.WhenAll(PumpAsync(secure, upstreamStream, token), PumpAsync(upstreamStream, secure, token));
                }
            }
            """);
    }

    [Fact]
    public async Task WhenAll_TwoCopiesIntoOneFileStream_IsReported()
    {
        var test = Verify.Create(Relay + """
                public async Task RunAsync(Stream first, Stream second, CancellationToken token)
                {
                    using var file = File.Create("out.bin");
                    await Task.WhenAll({|#1:PumpAsync(first, file, token)|}, {|#0:PumpAsync(second, file, token)|});
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "FileStream", "each through file"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAll_TheOutputAndTheErrorStreamOfOneProcess_IsSilent()
    {
        await Verify.VerifyAsync(Relay + """
                public async Task RunAsync(System.Diagnostics.Process process, Stream log, Stream errors, CancellationToken token)
                {
                    var output = PumpAsync(process.StandardOutput.BaseStream, log, token);
                    var error = PumpAsync(process.StandardError.BaseStream, errors, token);
                    await Task.WhenAll(output, error);
                }
            }
            """);
    }

    [Fact]
    public async Task WhenAll_TwoReadsOfTheOutputStreamOfOneProcess_IsReported()
    {
        var test = Verify.Create(Relay + """
                public async Task RunAsync(System.Diagnostics.Process process, Stream log, Stream errors, CancellationToken token)
                {
                    await Task.WhenAll(
                        {|#1:PumpAsync(process.StandardOutput.BaseStream, log, token)|},
                        {|#0:PumpAsync(process.StandardOutput.BaseStream, errors, token)|});
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "Stream", "each through BaseStream"));
        await test.RunAsync();
    }
}
