using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.IndependentAwaitsAnalyzer>;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.2: shared non-thread-safe resources — holds, opaque, known safe, seen through, conflicts (a), (b), (c).</summary>
public partial class IndependenceModelTests
{
    /// <summary>An EF Core model: one context type, two entity sets.</summary>
    private const string EfModel = @"
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

public class User { public int Id { get; set; } }
public class Order { public int Id { get; set; } }
public class AppDbContext : DbContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Order> Orders => Set<Order>();
}
";

    /// <summary>A repository holding the context by a field, used beside each other way of holding it.</summary>
    private const string OrderRepository = @"
public class OrderRepository
{
    private readonly AppDbContext _db;
    public OrderRepository(AppDbContext db) { _db = db; }
    public Task<List<Order>> ListAsync(int userId) => _db.Orders.ToListAsync();
}
";

    /// <summary>A client holding only an HttpClient: known safe for concurrent use.</summary>
    private const string WeatherClient = @"
public class WeatherClient
{
    private readonly HttpClient _http;
    public WeatherClient(HttpClient http) { _http = http; }
    public Task<string> GetForecastAsync(int id) => _http.GetStringAsync(""/forecast/"" + id);
}
";

    private const string TwoCalls = @"
public class Handler
{
    private readonly UserRepository _users;
    private readonly OrderRepository _orders;
    public Handler(UserRepository users, OrderRepository orders) { _users = users; _orders = orders; }
    public async Task RunAsync(int id)
    {
        var user = await _users.GetAsync(id);
        var orders = await _orders.ListAsync(id);
    }
}
";

    private static Verify.Test WithEntityFramework(string source)
    {
        var test = Verify.Create(source);
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        return test;
    }

    private static VerifyLoop.Test LoopWithEntityFramework(string source)
    {
        var test = VerifyLoop.Create(source);
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        return test;
    }

    /// <summary>A loop whose every iteration awaits <paramref name="call"/> (marked #1) on the given parameters; the loop keyword is #0.</summary>
    private static string LoopOver(string parameters, string call, string items = "int[] ids", string item = "id") => @"
public class LoopHandler(" + parameters + @")
{
    public async Task RunAsync(" + items + @")
    {
        {|#0:foreach|} (var " + item + @" in " + item + @"s)
        {
            var result = {|#1:" + call + @"|};
            System.Console.WriteLine(result);
        }
    }
}
";

    /// <summary>The same loop without markup: for the silent cases.</summary>
    private static string SilentLoopOver(string parameters, string call, string items = "int[] ids", string item = "id")
        => LoopOver(parameters, call, items, item).Replace("{|#0:foreach|}", "foreach").Replace("{|#1:", string.Empty).Replace("|};", ";");

    private static Task<MetadataReference> CompileReferenceAssemblyAsync(string source, ReferenceAssemblies references)
        => ReferenceAssembly.CompileAsync(source, references);

    [Fact]
    public async Task DirectDbContextReceiver_IsSilent()
    {
        await WithEntityFramework(EfModel + @"
public class Handler
{
    private readonly AppDbContext _db;
    public Handler(AppDbContext db) { _db = db; }
    public async Task RunAsync()
    {
        var users = await _db.Users.ToListAsync();
        var orders = await _db.Orders.ToListAsync();
    }
}
").RunAsync();
    }

    [Fact]
    public async Task RepositoryHoldingContextByField_BesideAnotherRepository_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + TwoCalls + @"
public class UserRepository
{
    private readonly AppDbContext _db;
    public UserRepository(AppDbContext db) { _db = db; }
    public Task<User> GetAsync(int id) => _db.Users.FirstAsync(u => u.Id == id);
}
").RunAsync();
    }

    [Fact]
    public async Task RepositoryHoldingContextByAutoProperty_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + TwoCalls + @"
public class UserRepository
{
    public AppDbContext Db { get; set; }
    public Task<User> GetAsync(int id) => Db.Users.FirstAsync(u => u.Id == id);
}
").RunAsync();
    }

    [Fact]
    public async Task RepositoryHoldingContextByConstructorParameter_IsSilent()
    {
        // The context is only given to the constructor: what a type is given is what it holds.
        await WithEntityFramework(EfModel + OrderRepository + TwoCalls + @"
public class UserRepository
{
    private readonly IQueryable<User> _users;
    public UserRepository(AppDbContext db) { _users = db.Users; }
    public Task<User> GetAsync(int id) => _users.FirstAsync(u => u.Id == id);
}
").RunAsync();
    }

    [Fact]
    public async Task RepositoryHoldingContextByPrimaryConstructorParameter_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + TwoCalls + @"
public class UserRepository(AppDbContext db)
{
    public Task<User> GetAsync(int id) => db.Users.FirstAsync(u => u.Id == id);
}
").RunAsync();
    }

    [Fact]
    public async Task InterfaceReceiverWhoseOnlyImplementationHoldsContext_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + @"
public interface IUserRepository { Task<User> GetAsync(int id); }
public class UserRepository(AppDbContext db) : IUserRepository
{
    public Task<User> GetAsync(int id) => db.Users.FirstAsync(u => u.Id == id);
}
public class Handler(IUserRepository users, OrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var user = await users.GetAsync(id);
        var list = await orders.ListAsync(id);
    }
}
").RunAsync();
    }

    [Fact]
    public async Task RepositoriesHoldingDifferentContextTypes_AreReported()
    {
        // DI hands one instance per context type: two context types are two instances.
        var test = WithEntityFramework(EfModel + OrderRepository + @"
public class AuditDbContext : DbContext
{
    public DbSet<User> Users => Set<User>();
}
public class AuditRepository(AuditDbContext db)
{
    public Task<User> GetAsync(int id) => db.Users.FirstAsync(u => u.Id == id);
}
public class Handler(AuditRepository audit, OrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var user = {|#0:await|} audit.GetAsync(id);
        {|#1:var list = await orders.ListAsync(id);|}
    }
}
");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task RepositoryBesideHttpClientOnlyClient_IsReported()
    {
        var test = WithEntityFramework(EfModel + OrderRepository + WeatherClient + @"
public class Handler(WeatherClient weather, OrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var forecast = {|#0:await|} weather.GetForecastAsync(id);
        {|#1:var list = await orders.ListAsync(id);|}
    }
}
");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task OneHttpClientUsedTwice_IsReported()
    {
        var test = Verify.Create(@"
using System.Net.Http;
using System.Threading.Tasks;
public class Handler(HttpClient http)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} http.GetStringAsync(""/a"");
        {|#1:var b = await http.GetStringAsync(""/b"");|}
    }
}
");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ThisAndBaseAreOneInstance()
    {
        // (b): the opaque gateway is held by this object, reached once as this and once as base.
        var gateway = await CompileReferenceAssemblyAsync(OpaqueGateway, References.Net80);
        var test = Verify.Create(@"
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
");
        test.TestState.AdditionalReferences.Add(gateway);
        await test.RunAsync();
    }

    [Fact]
    public async Task ObjectInitializerReceiverIsNotThis()
    {
        // A collection initializer's implicit receiver is the new batch, made for each call: it is not a shared root.
        var test = Verify.Create(@"
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
");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task DbConnectionPassedAsArgument_IsSilent()
    {
        await Verify.VerifyAsync(@"
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
");
    }

    [Fact]
    public async Task StreamPassedAsArgument_IsSilent()
    {
        await Verify.VerifyAsync(@"
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
");
    }

    [Fact]
    public async Task TextWriterPassedAsArgument_IsSilent()
    {
        await Verify.VerifyAsync(@"
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
");
    }

    [Fact]
    public async Task LocalAssignedFromStream_HasTheStreamAsRoot()
    {
        await Verify.VerifyAsync(@"
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
");
    }

    [Fact]
    public async Task SameOpaqueInstanceTwice_IsSilent()
    {
        // (b): IMediator has no visible implementation; the handlers behind one instance may share a context.
        var services = await CompileReferenceAssemblyAsync(@"
using System.Threading.Tasks;
namespace Messaging
{
    public interface IMediator { Task<T> GetAsync<T>(object request); }
}
", References.Net80);
        var test = Verify.Create(@"
using System.Threading.Tasks;
public class Handler(Messaging.IMediator mediator)
{
    public async Task RunAsync()
    {
        var user = await mediator.GetAsync<string>(1);
        var orders = await mediator.GetAsync<string>(2);
    }
}
");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task TwoOpaqueInstancesWithoutDataAccess_AreReported()
    {
        var services = await CompileReferenceAssemblyAsync(@"
using System.Threading.Tasks;
namespace Messaging
{
    public interface IMediator { Task<T> GetAsync<T>(object request); }
}
", References.Net80);
        var test = Verify.Create(@"
using System.Threading.Tasks;
public class Handler(Messaging.IMediator first, Messaging.IMediator second)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} first.GetAsync<string>(1);
        {|#1:var b = await second.GetAsync<string>(2);|}
    }
}
");
        test.TestState.AdditionalReferences.Add(services);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    private const string OpaqueGateway = @"
using System.Threading.Tasks;
namespace Payments
{
    public interface IGateway { Task<decimal> GetBalanceAsync(int id); }
}
";

    private const string OpaqueBesidePlainService = @"
using System.Threading.Tasks;
public class Clock
{
    public Task<long> GetTicksAsync() => Pending.Result(1L);
}
public class Handler(Payments.IGateway gateway, Clock clock)
{
    public async Task RunAsync(int id)
    {
        var balance = {|#0:await|} gateway.GetBalanceAsync(id);
        {|#1:var ticks = await clock.GetTicksAsync();|}
    }
}
";

    [Fact]
    public async Task OpaqueRootWhenEntityFrameworkIsReferenced_IsSilent()
    {
        // (c): the gateway's unseen implementation may hold the scoped context.
        var gateway = await CompileReferenceAssemblyAsync(OpaqueGateway, References.Net80);
        var test = WithEntityFramework(OpaqueBesidePlainService.Replace("{|#0:await|}", "await").Replace("{|#1:", string.Empty).Replace(";|}", ";"));
        test.TestState.AdditionalReferences.Add(gateway);
        await test.RunAsync();
    }

    [Fact]
    public async Task OpaqueRootWithoutDataAccessAssembly_IsReported()
    {
        var gateway = await CompileReferenceAssemblyAsync(OpaqueGateway, References.Net80);
        var test = Verify.Create(OpaqueBesidePlainService);
        test.TestState.AdditionalReferences.Add(gateway);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    private const string TwoClients = @"
using System.Threading.Tasks;
namespace Acme
{
    public class Client
    {
        public Task<int> GetAsync(int id) => Pending.Result(id);
    }
}
public class Handler(Acme.Client first, Acme.Client second)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} first.GetAsync(1);
        {|#1:var b = await second.GetAsync(2);|}
    }
}
";

    [Fact]
    public async Task TwoInstancesOfAPlainType_AreReported()
    {
        var test = Verify.Create(TwoClients);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task TypeNamedInNonConcurrentTypes_IsSilent()
    {
        await Verify.VerifyAsync(
            TwoClients.Replace("{|#0:await|}", "await").Replace("{|#1:", string.Empty).Replace(";|}", ";"),
            "await_analyzers.non_concurrent_types = Acme.Client\n");
    }

    [Fact]
    public async Task MalformedNonConcurrentTypes_AreIgnored()
    {
        var test = Verify.Create(TwoClients, "await_analyzers.non_concurrent_types = Acme.Client<int>, !!\n");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    private const string StoreUsedTwice = @"
using System.Data.Common;
using System.Threading.Tasks;
namespace Acme
{
    public class Store(DbConnection connection)
    {
        public Task<int> GetAsync(int id) => Pending.Result(id);
    }
}
public class Handler(Acme.Store store)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} store.GetAsync(1);
        {|#1:var b = await store.GetAsync(2);|}
    }
}
";

    [Fact]
    public async Task StoreHoldingAConnection_IsSilent()
    {
        await Verify.VerifyAsync(StoreUsedTwice.Replace("{|#0:await|}", "await").Replace("{|#1:", string.Empty).Replace(";|}", ";"));
    }

    [Fact]
    public async Task TypeNamedInConcurrentSafeTypes_UsedTwice_IsReported()
    {
        var test = Verify.Create(StoreUsedTwice, "await_analyzers.concurrent_safe_types = Acme.Store\n");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task OptionsAreReadPerSyntaxTree()
    {
        // The option applies to Safe.cs only: the same code elsewhere stays silent.
        var test = Verify.Create(StoreUsedTwice);
        test.TestState.Sources.Add(("/Other.cs", @"
public class OtherHandler(Acme.Store store)
{
    public async System.Threading.Tasks.Task RunAsync()
    {
        var a = await store.GetAsync(1);
        var b = await store.GetAsync(2);
    }
}
"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[/0/Test0.cs]\nawait_analyzers.concurrent_safe_types = Acme.Store\n"));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task CycleInTheTypeGraph_IsJudgedWithoutHanging()
    {
        var test = Verify.Create(@"
using System.Threading.Tasks;
public class Parent { public Child Child { get; set; } public Task<int> GetAsync() => Pending.Result(1); }
public class Child { public Parent Parent { get; set; } public Child Next { get; set; } public Task<int> GetAsync() => Pending.Result(2); }
public class Handler(Parent parent, Child child)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} parent.GetAsync();
        {|#1:var b = await child.GetAsync();|}
    }
}
");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task CycleHoldingAConnection_IsSilent()
    {
        await Verify.VerifyAsync(@"
using System.Data.Common;
using System.Threading.Tasks;
public class Parent { public Child Child { get; set; } public Task<int> GetAsync() => Pending.Result(1); }
public class Child { public Parent Parent { get; set; } public DbConnection Connection { get; set; } public Task<int> GetAsync() => Pending.Result(2); }
public class Handler(Parent parent, Child child)
{
    public async Task RunAsync()
    {
        var a = await parent.GetAsync();
        var b = await child.GetAsync();
    }
}
");
    }

    [Fact]
    public async Task ReferencedServiceWhoseImplementationTakesContext_IsSilent()
    {
        var services = await CompileReferenceAssemblyAsync(@"
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
namespace Shop
{
    public class ShopDbContext : DbContext { }
    public interface IUserService { Task<string> GetNameAsync(int id); }
    public interface IOrderService { Task<int> CountAsync(int id); }
    public class UserService : IUserService
    {
        private readonly ShopDbContext _db;
        public UserService(ShopDbContext db) { _db = db; }
        public Task<string> GetNameAsync(int id) => Pending.Result("""");
    }
    public class OrderService : IOrderService
    {
        private readonly ShopDbContext _db;
        public OrderService(ShopDbContext db) { _db = db; }
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
}
", References.Net80WithEntityFramework);
        var test = WithEntityFramework(@"
using System.Threading.Tasks;
public class Handler(Shop.IUserService users, Shop.IOrderService orders)
{
    public async Task RunAsync(int id)
    {
        var name = await users.GetNameAsync(id);
        var count = await orders.CountAsync(id);
    }
}
");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedServiceWhoseImplementationTakesOnlyHttpClient_IsReportedEvenWithEntityFramework()
    {
        var services = await CompileReferenceAssemblyAsync(@"
using System.Net.Http;
using System.Threading.Tasks;
namespace Weather
{
    public interface IWeatherService { Task<string> GetForecastAsync(int id); }
    public sealed class WeatherService : IWeatherService
    {
        private readonly HttpClient _http;
        public WeatherService(HttpClient http) { _http = http; }
        public Task<string> GetForecastAsync(int id) => _http.GetStringAsync(""/"" + id);
    }
}
", References.Net80);
        var test = WithEntityFramework(EfModel + OrderRepository + @"
public class Handler(Weather.IWeatherService weather, OrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var forecast = {|#0:await|} weather.GetForecastAsync(id);
        {|#1:var list = await orders.ListAsync(id);|}
    }
}
");
        test.TestState.AdditionalReferences.Add(services);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedServiceWithNoVisibleImplementation_WithEntityFramework_IsSilent()
    {
        // The implementation is internal: a reference assembly does not show it.
        var services = await CompileReferenceAssemblyAsync(@"
using System.Threading.Tasks;
namespace Billing
{
    public interface IInvoiceService { Task<int> CountAsync(int id); }
    internal sealed class InvoiceService : IInvoiceService
    {
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
}
", References.Net80);
        var test = WithEntityFramework(EfModel + WeatherClient + @"
public class Handler(Billing.IInvoiceService invoices, WeatherClient weather)
{
    public async Task RunAsync(int id)
    {
        var count = await invoices.CountAsync(id);
        var forecast = await weather.GetForecastAsync(id);
    }
}
");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedClassHoldingConnectionByPublicConstructor_IsSilent()
    {
        // Without a data-access assembly only (a) can silence this: the class is seen through, not opaque.
        var services = await CompileReferenceAssemblyAsync(@"
using System.Data.Common;
using System.Threading.Tasks;
namespace Reports
{
    public interface IReportStore { Task<int> CountAsync(int id); }
    public class ReportStore : IReportStore
    {
        public ReportStore(DbConnection connection) { }
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
    public class AuditLog
    {
        public AuditLog(DbConnection connection) { }
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
}
", References.Net80);
        var test = Verify.Create(@"
using System.Threading.Tasks;
public class Handler(Reports.IReportStore reports, Reports.AuditLog audit)
{
    public async Task RunAsync(int id)
    {
        var a = await reports.CountAsync(id);
        var b = await audit.CountAsync(id);
    }
}
");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedServicesHoldingNothing_AreReported()
    {
        var services = await CompileReferenceAssemblyAsync(@"
using System.Threading.Tasks;
namespace Reports
{
    public interface IReportStore { Task<int> CountAsync(int id); }
    public class ReportStore : IReportStore
    {
        public ReportStore(string connectionString) { }
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
}
", References.Net80);
        var test = Verify.Create(@"
using System.Threading.Tasks;
public class Handler(Reports.IReportStore first, Reports.IReportStore second)
{
    public async Task RunAsync(int id)
    {
        var a = {|#0:await|} first.CountAsync(id);
        {|#1:var b = await second.CountAsync(id);|}
    }
}
");
        test.TestState.AdditionalReferences.Add(services);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedServiceLocator_IsOpaque()
    {
        // A mediator given an IServiceProvider can reach any service, the scoped context included.
        var services = await CompileReferenceAssemblyAsync(@"
using System;
using System.Threading.Tasks;
namespace Messaging
{
    public interface ISender { Task<T> GetAsync<T>(object request); }
    public class Sender : ISender
    {
        public Sender(IServiceProvider services) { }
        public Task<T> GetAsync<T>(object request) => Pending.Result(default(T));
    }
}
", References.Net80);
        var test = Verify.Create(@"
using System.Threading.Tasks;
public class Handler(Messaging.ISender sender)
{
    public async Task RunAsync()
    {
        var a = await sender.GetAsync<int>(1);
        var b = await sender.GetAsync<int>(2);
    }
}
");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task SourceInterfaceWithoutImplementation_IsOpaque()
    {
        // Implemented in a project that is not referenced here (an infrastructure layer): what it holds is unseen.
        await WithEntityFramework(EfModel + WeatherClient + @"
public interface IUserRepository { Task<User> GetAsync(int id); }
public class Handler(IUserRepository users, WeatherClient weather)
{
    public async Task RunAsync(int id)
    {
        var user = await users.GetAsync(id);
        var forecast = await weather.GetForecastAsync(id);
    }
}
").RunAsync();
    }

    [Fact]
    public async Task ProjectReferenceInTheSameWorkspace_IsJudgedByItsPublicSurface()
    {
        // A project reference compiled in the IDE is not "declared in the compilation": its private fields are not
        // read, as the reference assembly of a build would not show them.
        var test = Verify.Create(@"
using System.Threading.Tasks;
public class Handler(Library.Cache first, Library.Cache second)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} first.GetAsync(1);
        {|#1:var b = await second.GetAsync(2);|}
    }
}
");
        var library = new ProjectState("Library", LanguageNames.CSharp, "/Library/Test", "cs");
        test.TestState.AdditionalProjects.Add("Library", library);
        test.TestState.AdditionalProjects["Library"].Sources.Add(@"
using System.IO;
using System.Threading.Tasks;
namespace Library
{
    public class Cache
    {
        private readonly MemoryStream _buffer = new MemoryStream();
        public Task<int> GetAsync(int id) => Pending.Result(id);
    }
}
");
        test.TestState.AdditionalProjects["Library"].Sources.Add((PendingSource.Path, PendingSource.Text("internal")));
        test.TestState.AdditionalProjectReferences.Add("Library");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task SourceServiceHoldingAnOpaqueService_IsOpaque()
    {
        // What the gateway holds is unseen, so what the facade holds is too: (c) applies with EF Core referenced.
        var gateway = await CompileReferenceAssemblyAsync(OpaqueGateway, References.Net80);
        var test = WithEntityFramework(EfModel + WeatherClient + @"
public class BillingFacade(Payments.IGateway gateway)
{
    public Task<decimal> GetBalanceAsync(int id) => gateway.GetBalanceAsync(id);
}
public class Handler(BillingFacade billing, WeatherClient weather)
{
    public async Task RunAsync(int id)
    {
        var balance = await billing.GetBalanceAsync(id);
        var forecast = await weather.GetForecastAsync(id);
    }
}
");
        test.TestState.AdditionalReferences.Add(gateway);
        await test.RunAsync();
    }

    [Fact]
    public async Task AspNetCoreAbstractionWithoutVisibleImplementation_IsNotOpaque()
    {
        // ASP.NET Core keeps implementations such as the hosting environment internal; they hold nothing of the user's.
        var hosting = await CompileReferenceAssemblyAsync(@"
namespace Microsoft.AspNetCore.Hosting
{
    public interface IWebHostEnvironment { string EnvironmentName { get; } }
}
", References.Net80);
        var test = WithEntityFramework(EfModel + OrderRepository + @"
public class ForecastClient(HttpClient http, Microsoft.AspNetCore.Hosting.IWebHostEnvironment environment)
{
    public Task<string> GetForecastAsync(int id) => http.GetStringAsync(environment.EnvironmentName + id);
}
public class Handler(ForecastClient weather, OrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var forecast = {|#0:await|} weather.GetForecastAsync(id);
        {|#1:var list = await orders.ListAsync(id);|}
    }
}
");
        test.TestState.AdditionalReferences.Add(hosting);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task SourceServiceLocator_IsOpaque()
    {
        await Verify.VerifyAsync(@"
using System;
using System.Threading.Tasks;
public class Dispatcher(IServiceProvider services)
{
    public Task<int> GetAsync(int id) => Pending.Result(id);
}
public class Handler(Dispatcher dispatcher)
{
    public async Task RunAsync()
    {
        var a = await dispatcher.GetAsync(1);
        var b = await dispatcher.GetAsync(2);
    }
}
");
    }

    [Fact]
    public async Task ContextHeldThroughAGenericRepository_IsSilent()
    {
        await WithEntityFramework(EfModel + @"
public class Repository<TEntity>(AppDbContext db) where TEntity : class
{
    public Task<List<TEntity>> ListAsync() => db.Set<TEntity>().ToListAsync();
}
public class Handler(Repository<User> users, Repository<Order> orders)
{
    public async Task RunAsync()
    {
        var a = await users.ListAsync();
        var b = await orders.ListAsync();
    }
}
").RunAsync();
    }

    [Fact]
    public async Task ContextHeldAsAConstrainedTypeParameter_IsSilent()
    {
        // The store's context is TContext : DbContext — any context, AppDbContext included.
        await WithEntityFramework(EfModel + OrderRepository + @"
public interface IUserStore { Task<User> FindAsync(int id); }
public class EfUserStore<TContext>(TContext db) : IUserStore where TContext : DbContext
{
    public Task<User> FindAsync(int id) => db.Set<User>().FirstAsync(u => u.Id == id);
}
public class Handler(IUserStore users, OrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var user = await users.FindAsync(id);
        var list = await orders.ListAsync(id);
    }
}
").RunAsync();
    }

    [Fact]
    public async Task OptionsAreReadFromAGlobalConfig()
    {
        var test = Verify.Create(StoreUsedTwice);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nawait_analyzers.concurrent_safe_types = Acme.Store\n"));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ContextHeldThroughABaseClass_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + @"
public abstract class RepositoryBase
{
    protected RepositoryBase(AppDbContext db) { Db = db; }
    protected AppDbContext Db { get; }
}
public class UserRepository : RepositoryBase
{
    public UserRepository(AppDbContext db) : base(db) { }
    public Task<User> GetAsync(int id) => Db.Users.FirstAsync(u => u.Id == id);
}
" + TwoCalls).RunAsync();
    }

    [Fact]
    public async Task ContextHeldThroughACollectionOfHandlers_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + @"
public interface IRule { Task<bool> CheckAsync(int id); }
public class UniqueEmailRule(AppDbContext db) : IRule
{
    public Task<bool> CheckAsync(int id) => db.Users.AnyAsync(u => u.Id == id);
}
public class Validator(IEnumerable<IRule> rules)
{
    public Task<bool> GetValidityAsync(int id) => rules.First().CheckAsync(id);
}
public class Handler(Validator validator, OrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var valid = await validator.GetValidityAsync(id);
        var list = await orders.ListAsync(id);
    }
}
").RunAsync();
    }

    [Fact]
    public async Task ResourceInference_GivesTheSameAnswersFromConcurrentThreads()
    {
        // Analyzer threads share one inference per compilation: parallel questions over a graph with cycles must agree
        // with sequential ones, and every type is judged once.
        var source = new System.Text.StringBuilder("using System.Data.Common; using System.IO;\n");
        for (var i = 0; i < 300; i++)
        {
            var held = (i % 3) switch { 0 => "DbConnection", 1 => "Stream", _ => "string" };
            source.Append($"public class Node{i}({held} resource, Node{(i * 7 + 1) % 300} next, Node{(i * 13 + 5) % 300} other) {{ }}\n");
        }

        var references = await References.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("Graph", new[] { CSharpSyntaxTree.ParseText(source.ToString()) }, references);
        var types = Enumerable.Range(0, 300).Select(i => (ITypeSymbol)compilation.GetTypeByMetadataName("Node" + i)!).ToArray();

        var sequential = IndependenceModel.Create(compilation)!.GetResourceInference(AwaitOptions.Default);
        var expected = types.Select(t => Describe(sequential.GetFacts(t))).ToArray();
        var parallel = IndependenceModel.Create(compilation)!.GetResourceInference(AwaitOptions.Default);
        var actual = new string[types.Length];
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var k = 0; k < types.Length; k++)
            {
                var i = (k + (worker * 37)) % types.Length;
                actual[i] = Describe(parallel.GetFacts(types[i]));
            }
        })));

        Assert.Equal(expected, actual);
        Assert.Contains(expected, d => d.Contains("DbConnection") && d.Contains("Stream"));
        Assert.Equal(sequential.CachedTypeCount, parallel.CachedTypeCount);

        static string Describe(TypeFacts facts)
            => string.Join(",", facts.HeldResources.Select(t => t.Name).OrderBy(n => n)) + (facts.IsOpaque ? " opaque" : string.Empty);
    }

    [Fact]
    public async Task Loop_DirectDbContextReceiver_IsSilent()
    {
        await LoopWithEntityFramework(EfModel + SilentLoopOver("AppDbContext db", "await db.Users.FirstAsync(u => u.Id == id)")).RunAsync();
    }

    [Theory]
    [InlineData("private readonly AppDbContext _db; public UserRepository(AppDbContext db) { _db = db; } public Task<User> GetAsync(int id) => _db.Users.FirstAsync(u => u.Id == id);")]
    [InlineData("public AppDbContext Db { get; set; } public Task<User> GetAsync(int id) => Db.Users.FirstAsync(u => u.Id == id);")]
    [InlineData("private readonly IQueryable<User> _users; public UserRepository(AppDbContext db) { _users = db.Users; } public Task<User> GetAsync(int id) => _users.FirstAsync(u => u.Id == id);")]
    public async Task Loop_RepositoryHoldingContext_IsSilent(string members)
    {
        await LoopWithEntityFramework(EfModel + "public class UserRepository { " + members + " }" + SilentLoopOver("UserRepository users", "await users.GetAsync(id)")).RunAsync();
    }

    [Fact]
    public async Task Loop_RepositoryHoldingContextByPrimaryConstructorParameter_IsSilent()
    {
        await LoopWithEntityFramework(EfModel + @"
public class UserRepository(AppDbContext db)
{
    public Task<User> GetAsync(int id) => db.Users.FirstAsync(u => u.Id == id);
}
" + SilentLoopOver("UserRepository users", "await users.GetAsync(id)")).RunAsync();
    }

    [Fact]
    public async Task Loop_InterfaceReceiverWhoseOnlyImplementationHoldsContext_IsSilent()
    {
        await LoopWithEntityFramework(EfModel + @"
public interface IUserRepository { Task<User> GetAsync(int id); }
public class UserRepository(AppDbContext db) : IUserRepository
{
    public Task<User> GetAsync(int id) => db.Users.FirstAsync(u => u.Id == id);
}
" + SilentLoopOver("IUserRepository users", "await users.GetAsync(id)")).RunAsync();
    }

    [Fact]
    public async Task Loop_TwoRepositoriesHoldingTheSameContextType_IsSilent()
    {
        await LoopWithEntityFramework(EfModel + OrderRepository + @"
public class UserRepository(AppDbContext db)
{
    public Task<User> GetAsync(int id) => db.Users.FirstAsync(u => u.Id == id);
}
public class LoopHandler(UserRepository users, OrderRepository orders)
{
    public async Task RunAsync(int[] ids)
    {
        foreach (var id in ids)
        {
            var user = await users.GetAsync(id);
            var list = await orders.ListAsync(user.Id);
        }
    }
}
").RunAsync();
    }

    [Fact]
    public async Task Loop_HttpClientOnlyClientWithEntityFrameworkReferenced_IsReported()
    {
        var test = LoopWithEntityFramework(EfModel + WeatherClient + LoopOver("WeatherClient weather", "await weather.GetForecastAsync(id)"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_OneHttpClient_IsReported()
    {
        var test = VerifyLoop.Create(@"
using System.Net.Http;
using System.Threading.Tasks;
" + LoopOver("HttpClient http", "await http.GetStringAsync(url)", "string[] urls", "url"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("System.Data.Common.DbConnection")]
    [InlineData("System.IO.Stream")]
    [InlineData("System.IO.TextWriter")]
    public async Task Loop_ResourcePassedAsArgument_IsSilent(string resourceType)
    {
        await VerifyLoop.VerifyAsync(@"
using System.Threading.Tasks;
public static class Store
{
    public static Task<int> LoadAsync(" + resourceType + @" resource, int id) => Pending.Result(id);
}
" + SilentLoopOver(resourceType + " resource", "await Store.LoadAsync(resource, id)"));
    }

    [Fact]
    public async Task Loop_SameOpaqueInstance_IsSilent()
    {
        var gateway = await CompileReferenceAssemblyAsync(OpaqueGateway, References.Net80);
        var test = VerifyLoop.Create("using System.Threading.Tasks;\n" + SilentLoopOver("Payments.IGateway gateway", "await gateway.GetBalanceAsync(id)"));
        test.TestState.AdditionalReferences.Add(gateway);
        await test.RunAsync();
    }

    /// <summary>A loop over gateways from a static source: only the iteration variable's type says what each item holds.</summary>
    private const string LoopOverGateways = @"
using System.Collections.Generic;
using System.Threading.Tasks;
public class LoopHandler
{
    public static IEnumerable<Payments.IGateway> Gateways() => new Payments.IGateway[0];
    public async Task RunAsync(int id)
    {
        {|#0:foreach|} (var gateway in Gateways())
        {
            var balance = {|#1:await gateway.GetBalanceAsync(id)|};
            System.Console.WriteLine(balance);
        }
    }
}
";

    [Fact]
    public async Task Loop_OpaqueItemsWithEntityFramework_IsSilent()
    {
        // (c) over the iteration variable: each gateway is another instance, but what they hold is unseen.
        var gateway = await CompileReferenceAssemblyAsync(OpaqueGateway, References.Net80);
        var test = LoopWithEntityFramework(LoopOverGateways.Replace("{|#0:foreach|}", "foreach").Replace("{|#1:", string.Empty).Replace("|};", ";"));
        test.TestState.AdditionalReferences.Add(gateway);
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_OpaqueItemsWithoutDataAccessAssembly_AreReported()
    {
        var gateway = await CompileReferenceAssemblyAsync(OpaqueGateway, References.Net80);
        var test = VerifyLoop.Create(LoopOverGateways, "await_analyzers.report_pipelines = true");
        test.TestState.AdditionalReferences.Add(gateway);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_ItemsHoldingTheScopedContext_IsSilent()
    {
        // Handlers resolved from one scope are different instances holding one DbContext.
        await LoopWithEntityFramework(EfModel + @"
public interface IRule { Task<bool> CheckAsync(int id); }
public class UniqueEmailRule(AppDbContext db) : IRule
{
    public Task<bool> CheckAsync(int id) => db.Users.AnyAsync(u => u.Id == id);
}
public class LoopHandler
{
    public static IEnumerable<IRule> Rules() => new IRule[0];
    public async Task RunAsync(int id)
    {
        foreach (var rule in Rules())
        {
            var valid = await rule.CheckAsync(id);
            System.Console.WriteLine(valid);
        }
    }
}
").RunAsync();
    }

    [Fact]
    public async Task Loop_ItemsHoldingNothing_AreReported()
    {
        var test = LoopWithEntityFramework(EfModel + @"
public class Mailer { public Task<bool> NotifyAsync(User user) => Pending.Result(true); }
public class LoopHandler
{
    public static IEnumerable<User> Users() => new User[0];
    public async Task RunAsync(Mailer mailer)
    {
        {|#0:foreach|} (var user in Users())
        {
            var sent = {|#1:await mailer.NotifyAsync(user)|};
            System.Console.WriteLine(sent);
        }
    }
}
");
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_TypeNamedInNonConcurrentTypes_IsSilent()
    {
        await VerifyLoop.VerifyAsync(
            "using System.Threading.Tasks;\nnamespace Acme { public class Client { public Task<int> GetAsync(int id) => Pending.Result(id); } }\n"
            + SilentLoopOver("Acme.Client client", "await client.GetAsync(id)"),
            "await_analyzers.non_concurrent_types = Acme.Client\n");
    }

    [Fact]
    public async Task Loop_TypeNamedInConcurrentSafeTypes_IsReported()
    {
        var test = VerifyLoop.Create(
            "using System.Data.Common;\nusing System.Threading.Tasks;\nnamespace Acme { public class Store(DbConnection connection) { public Task<int> GetAsync(int id) => Pending.Result(id); } }\n"
            + LoopOver("Acme.Store store", "await store.GetAsync(id)"),
            "await_analyzers.concurrent_safe_types = Acme.Store\n");
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_StoreHoldingAConnection_IsSilent()
    {
        await VerifyLoop.VerifyAsync(
            "using System.Data.Common;\nusing System.Threading.Tasks;\nnamespace Acme { public class Store(DbConnection connection) { public Task<int> GetAsync(int id) => Pending.Result(id); } }\n"
            + SilentLoopOver("Acme.Store store", "await store.GetAsync(id)"));
    }

    [Fact]
    public async Task Loop_CycleInTheTypeGraph_IsJudgedWithoutHanging()
    {
        var test = VerifyLoop.Create(@"
using System.Threading.Tasks;
public class Parent { public Child Child { get; set; } public Task<int> GetAsync(int id) => Pending.Result(id); }
public class Child { public Parent Parent { get; set; } public Child Next { get; set; } }
" + LoopOver("Parent parent", "await parent.GetAsync(id)"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_ReferencedServiceWhoseImplementationTakesOnlyHttpClient_IsReportedEvenWithEntityFramework()
    {
        var services = await CompileReferenceAssemblyAsync(@"
using System.Net.Http;
using System.Threading.Tasks;
namespace Weather
{
    public interface IWeatherService { Task<string> GetForecastAsync(int id); }
    public sealed class WeatherService : IWeatherService
    {
        public WeatherService(HttpClient http) { }
        public Task<string> GetForecastAsync(int id) => Pending.Result("""");
    }
}
", References.Net80);
        var test = LoopWithEntityFramework(EfModel + LoopOver("Weather.IWeatherService weather", "await weather.GetForecastAsync(id)"));
        test.TestState.AdditionalReferences.Add(services);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_ReferencedServiceWhoseImplementationTakesContext_IsSilent()
    {
        var services = await CompileReferenceAssemblyAsync(@"
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
namespace Shop
{
    public class ShopDbContext : DbContext { }
    public interface IUserService { Task<string> GetNameAsync(int id); }
    public class UserService : IUserService
    {
        public UserService(ShopDbContext db) { }
        public Task<string> GetNameAsync(int id) => Pending.Result("""");
    }
}
", References.Net80WithEntityFramework);
        var test = LoopWithEntityFramework("using System.Threading.Tasks;\n" + SilentLoopOver("Shop.IUserService users", "await users.GetNameAsync(id)"));
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_ReferencedServiceWithNoVisibleImplementation_WithEntityFramework_IsSilent()
    {
        var services = await CompileReferenceAssemblyAsync(@"
using System.Threading.Tasks;
namespace Billing
{
    public interface IInvoiceService { Task<int> CountAsync(int id); }
    internal sealed class InvoiceService : IInvoiceService
    {
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
}
", References.Net80);
        var test = LoopWithEntityFramework("using System.Threading.Tasks;\n" + SilentLoopOver("Billing.IInvoiceService invoices", "await invoices.CountAsync(id)"));
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }
}
