using System.Threading.Tasks;
using System.IO;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.8: a query holds its provider (with a data-access assembly, possibly a context); an HTTP response
/// is an ordered writer; a state-changing call on a receiver the operations share writes it.
/// </summary>
public partial class IndependenceModelTests
{
    [Fact]
    public async Task PagingHelper_CountThenPageOfOneQueryParameter_IsSilent()
    {
        await VerifyWithEntityFrameworkAsync(EfModel + PageRecord + """
public static class Paging
{
    public static async Task<Page<T>> CreateAsync<T>(IQueryable<T> source, int page, int size)
    {
        var count = await source.CountAsync();
        var items = await source.Skip((page - 1) * size).Take(size).ToListAsync();
        return new Page<T>(items, count);
    }
}

""");
    }

    [Fact]
    public async Task QueryStoredInAField_AwaitedTwice_IsSilent()
    {
        await VerifyWithEntityFrameworkAsync(EfModel + """
public class UserQueries(IQueryable<User> users)
{
    private readonly IQueryable<User> _users = users;
    public async Task<int> RunAsync()
    {
        var count = await _users.CountAsync();
        var first = await _users.FirstAsync();
        return count + first.Id;
    }
}

""");
    }

    [Fact]
    public async Task QueryComposedInOneStatement_AwaitedInTheNext_IsSilent()
    {
        await VerifyWithEntityFrameworkAsync(EfModel + """
public class Report
{
    public async Task<int> RunAsync(IQueryable<Order> orders, int minimum)
    {
        var large = orders.Where(o => o.Id > minimum);
        var count = await large.CountAsync();
        var top = await large.Take(10).ToListAsync();
        return count + top.Count;
    }
}

""");
    }

    [Fact]
    public async Task TwoDifferentQueries_WithEntityFrameworkReferenced_AreSilent()
    {
        // Both providers may be the request's one context.
        await VerifyWithEntityFrameworkAsync(EfModel + """
public class Report
{
    public async Task<int> RunAsync(IQueryable<Order> orders, IQueryable<User> users)
    {
        var orderCount = await orders.CountAsync();
        var userCount = await users.CountAsync();
        return orderCount + userCount;
    }
}

""");
    }

    [Fact]
    public async Task AQueryBesideARepositoryOverAContext_IsSilent()
    {
        await VerifyWithEntityFrameworkAsync(EfModel + """
public class UserRepository(AppDbContext db)
{
    public Task<User?> FindAsync(int id) => db.Users.FirstOrDefaultAsync(u => u.Id == id);
}
public class Report(UserRepository repository)
{
    public async Task<int> RunAsync(IQueryable<Order> orders)
    {
        var count = await orders.CountAsync();
        var user = await repository.FindAsync(1);
        return count + (user?.Id ?? 0);
    }
}

""");
    }

    [Fact]
    public async Task QueriesOfTwoDifferentContexts_AreReported()
    {
        await VerifyWithEntityFrameworkAsync(EfModel + ReportingDbContext + """
public class Report(AppDbContext app, ReportingDbContext reporting)
{
    public async Task<int> RunAsync()
    {
        var users = {|#0:await|} app.Users.CountAsync();
        {|#1:var orders = await reporting.Orders.CountAsync();|}
        return users + orders;
    }
}

""", Expect.Group(0, 1));
    }

    private const string InMemoryCounter = """

public class Counter
{
    public async Task<int> CountAsync<T>(IQueryable<T> query) { await Task.Delay(1); return query.Count(); }
}

""";

    [Fact]
    public async Task InMemoryQueriesOverArraysAndLists_AreReported_WithEntityFrameworkReferenced()
    {
        var test = WithEntityFramework(EfModel + InMemoryCounter + """

public class Caller(Counter counter)
{
    public async Task<int> RunAsync(int[] numbers, List<string> names)
    {
        var even = numbers.AsQueryable().Where(n => n % 2 == 0);
        var named = names.AsQueryable();
        var a = {|#0:await|} counter.CountAsync(even);
        {|#1:var b = await counter.CountAsync(named);|}
        return a + b;
    }
}

""");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task OneQueryParameterAwaitedTwice_WithoutDataAccess_IsSilent()
    {
        // Without a data-access assembly the provider is still unseen: one query, one provider, two operations.
        await Verify.VerifyAsync($$"""

using System.Linq;
using System.Threading.Tasks;
{{InMemoryCounter}}
public class Caller(Counter counter)
{
    public async Task<int> RunAsync(IQueryable<int> query)
    {
        var a = await counter.CountAsync(query);
        var b = await counter.CountAsync(query.Where(n => n > 1));
        return a + b;
    }
}

""");
    }

    [Fact]
    public async Task TwoQueryParameters_WithoutDataAccess_AreReported()
    {
        var test = Verify.Create($$"""

using System.Linq;
using System.Threading.Tasks;
{{InMemoryCounter}}
public class Caller(Counter counter)
{
    public async Task<int> RunAsync(IQueryable<int> first, IQueryable<int> second)
    {
        var a = {|#0:await|} counter.CountAsync(first);
        {|#1:var b = await counter.CountAsync(second);|}
        return a + b;
    }
}

""");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    // The HTTP response is an ordered writer.

    private static readonly ReferenceAssemblies AspNetCore = new(
        "net8.0",
        new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.28"),
        Path.Combine("ref", "net8.0"));

    private static async Task VerifyWithAspNetCoreAsync(string source, params DiagnosticResult[] expected)
    {
        var test = VerifyLoop.Create(source);
        var aspNetCore = await AspNetCore.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, default);
        test.TestState.AdditionalReferences.AddRange(aspNetCore);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task LinesWrittenToTheResponse_AreSilent()
    {
        await VerifyWithAspNetCoreAsync("""

using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
public class Export
{
    public async Task WriteAsync(HttpContext context, List<string> lines)
    {
        foreach (var line in lines)
            await context.Response.WriteAsync(line + "\n");
    }
    public async Task WriteBodyAsync(HttpResponse response, List<byte[]> chunks)
    {
        foreach (var chunk in chunks)
            await response.Body.WriteAsync(chunk);
    }
}

""");
    }

    [Fact]
    public async Task ALoopBesideTheResponseThatDoesNotWriteIt_IsReported()
    {
        await VerifyWithAspNetCoreAsync("""

using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
public class Export(HttpClient http)
{
    public async Task<int> FetchAsync(HttpContext context, List<string> urls)
    {
        var total = new List<string>();
        {|#0:foreach|} (var url in urls)
            total.Add({|#1:await http.GetStringAsync(url, context.RequestAborted)|});
        return total.Count;
    }
}

""", Expect.Loop(0, 1));
    }

    [Fact]
    public async Task TwoServicesGivenTheResponse_AreSilent()
    {
        // Seen through by their constructors, both hold the request's one HttpResponse.
        var aspNetCore = await AspNetCore.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, default);
        var services = await ReferenceAssembly.CompileAsync("""

using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
namespace Reports
{
    public class HeaderWriter(HttpResponse response) { public Task<int> MeasureAsync(string text) => Task.FromResult(text.Length + response.StatusCode); }
}

""", additional: aspNetCore);
        var test = Verify.Create("""

using System.Threading.Tasks;
public class Page(Reports.HeaderWriter first, Reports.HeaderWriter second)
{
    public async Task<int> RunAsync()
    {
        var a = await first.MeasureAsync("a");
        var b = await second.MeasureAsync("b");
        return a + b;
    }
}

""");
        test.TestState.AdditionalReferences.AddRange(aspNetCore);
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    // A state-changing call on a receiver from outside the iteration, or shared by a group's members, writes it.

    private const string MailLibrary = """

namespace Mail
{
    public class Attachments
    {
        private readonly System.Collections.Generic.List<string> _paths = new();
        public System.Threading.Tasks.Task AddAsync(string path) { _paths.Add(path); return System.Threading.Tasks.Task.Delay(1); }
        public System.Threading.Tasks.Task<int> SizeOfAsync(string path) => System.Threading.Tasks.Task.Delay(1).ContinueWith(_ => path.Length);
    }
    public class Message { public Attachments Attachments { get; } = new Attachments(); }
}

""";

    [Fact]
    public async Task StateChangingCallOnAReceiverFromOutsideTheLoop_NotInSource_IsSilent()
    {
        var library = await ReferenceAssembly.CompileAsync(MailLibrary);
        var test = VerifyLoop.Create("""

using System.Collections.Generic;
using System.Threading.Tasks;
public class Composer
{
    public async Task AttachAsync(Mail.Message message, List<string> files)
    {
        foreach (var path in files)
            await message.Attachments.AddAsync(path);
    }
}

""");
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync();
    }

    [Fact]
    public async Task QueryOnAReceiverFromOutsideTheLoop_NotInSource_IsReported()
    {
        var library = await ReferenceAssembly.CompileAsync(MailLibrary);
        var test = VerifyLoop.Create("""

using System.Collections.Generic;
using System.Threading.Tasks;
public class Composer
{
    public async Task<List<int>> SizesAsync(Mail.Message message, List<string> files)
    {
        var sizes = new List<int>();
        {|#0:foreach|} (var path in files)
            sizes.Add({|#1:await message.Attachments.SizeOfAsync(path)|});
        return sizes;
    }
}

""");
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task StateChangingCallsOnAKnownSafeReceiver_AreReported()
    {
        var test = VerifyLoop.Create("""

using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
public class Notifier(HttpClient http)
{
    public async Task NotifyAsync(List<string> urls)
    {
        {|#0:foreach|} (var url in urls)
            {|#1:await http.PostAsync(url, null)|};
    }
}

""");
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task GroupSharingAReceiver_WithAStateChangingCall_IsSilent_WithIncludeCommands()
    {
        var library = await ReferenceAssembly.CompileAsync(MailLibrary);
        var test = Verify.Create("""

using System.Threading.Tasks;
public class Composer
{
    public async Task AttachAsync(Mail.Message message)
    {
        await message.Attachments.AddAsync("a.pdf");
        await message.Attachments.AddAsync("b.pdf");
    }
}

""", "await_analyzers.include_commands = true");
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync();
    }

    [Fact]
    public async Task SchedulingVerbsOnASharedReceiver_AreSilent()
    {
        var scheduler = await ReferenceAssembly.CompileAsync("""

using System.Threading.Tasks;
namespace Jobs { public class Scheduler { public Task<bool> UnscheduleJob(string key) => Task.Delay(1).ContinueWith(_ => true); } }

""");
        var test = VerifyLoop.Create("""

using System.Collections.Generic;
using System.Threading.Tasks;
public class Cleanup(Jobs.Scheduler scheduler)
{
    public async Task RunAsync(List<string> keys)
    {
        var removed = new List<bool>();
        foreach (var key in keys)
            removed.Add(await scheduler.UnscheduleJob(key));
    }
}

""");
        test.TestState.AdditionalReferences.Add(scheduler);
        await test.RunAsync();
    }
}
