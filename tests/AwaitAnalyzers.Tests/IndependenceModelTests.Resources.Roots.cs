using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.2, roots and resource types: what an operation reaches, and the resources passed to it.</summary>
public partial class IndependenceModelTests
{
    [Fact]
    public async Task ThisAndBaseAreOneInstance()
    {
        // (b): the opaque gateway is held by this object, reached once as this and once as base.
        var gateway = await ReferenceAssembly.CompileAsync(PaymentsLibrary);
        var test = Verify.Create("""
using System.Threading.Tasks;
public class BillingBase(Payments.IGateway gateway)
{
    protected Task<decimal> GetBalanceAsync(int id) => gateway.GetBalanceAsync(id);
}
public class Billing(Payments.IGateway gateway) : BillingBase(gateway)
{
    private new Task<decimal> GetBalanceAsync(int id) => Pending.Result(0m);
    public async Task RunAsync(int id)
    {
        var mine = await this.GetBalanceAsync(id);
        var theirs = await base.GetBalanceAsync(id);
    }
}

""");
        test.TestState.AdditionalReferences.Add(gateway);
        await test.RunAsync();
    }

    [Fact]
    public async Task ObjectInitializerReceiverIsNotThis()
    {
        // A collection initializer's implicit receiver is the new batch, made for each call: it is not a shared root.
        var test = Verify.Create("""
using System.Collections;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;
public class Batch : IEnumerable<int>
{
    private readonly List<int> _ids = new List<int>();
    private DbConnection _connection;
    public void Add(int id) => _ids.Add(id);
    public IEnumerator<int> GetEnumerator() => _ids.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
public class Store
{
    public Task<int> CountAsync(Batch batch) => Pending.Result(1);
}
public class Handler(Store first, Store second)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} first.CountAsync(new Batch { 1, 2 });
        {|#1:var b = await second.CountAsync(new Batch { 3 });|}
    }
}

""");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task TwoInstancesOfAPlainType_AreReported()
    {
        var test = Verify.Create(TwoClients);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task DbConnectionPassedAsArgument_IsSilent()
    {
        await Verify.VerifyAsync("""
using System.Data.Common;
using System.Threading.Tasks;
public static class Queries
{
    public static Task<int> CountUsersAsync(DbConnection connection) => Pending.Result(1);
    public static Task<int> CountOrdersAsync(DbConnection connection) => Pending.Result(2);
    public static async Task RunAsync(DbConnection connection)
    {
        var users = await CountUsersAsync(connection);
        var orders = await CountOrdersAsync(connection);
    }
}

""");
    }

    [Fact]
    public async Task StreamPassedAsArgument_IsSilent()
    {
        await Verify.VerifyAsync("""
using System.IO;
using System.Threading.Tasks;
public class Reader
{
    public Task<int> ReadHeaderAsync(Stream stream) => Pending.Result(1);
    public Task<int> ReadBodyAsync(Stream stream) => Pending.Result(2);
}
public class Handler(Reader reader)
{
    public async Task RunAsync(Stream stream)
    {
        var header = await reader.ReadHeaderAsync(stream);
        var body = await reader.ReadBodyAsync(stream);
    }
}

""");
    }

    [Fact]
    public async Task TextWriterPassedAsArgument_IsSilent()
    {
        await Verify.VerifyAsync("""
using System.IO;
using System.Threading.Tasks;
public class Report
{
    public Task<int> RenderHeaderAsync(TextWriter writer) => Pending.Result(1);
    public Task<int> RenderBodyAsync(TextWriter writer) => Pending.Result(2);
}
public class Handler(Report report, TextWriter output)
{
    public async Task RunAsync()
    {
        var header = await report.RenderHeaderAsync(output);
        var body = await report.RenderBodyAsync(output);
    }
}

""");
    }

    [Fact]
    public async Task LocalAssignedFromStream_HasTheStreamAsRoot()
    {
        await Verify.VerifyAsync("""
using System.IO;
using System.Threading.Tasks;
public class Handler
{
    public async Task RunAsync(Stream stream, byte[] a, byte[] b)
    {
        var source = stream;
        var first = await source.ReadAsync(a, 0, 4);
        var second = await stream.ReadAsync(b, 0, 4);
    }
}

""");
    }
}
