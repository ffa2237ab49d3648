using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.ConcurrentResourceAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// AWAIT003 (docs/design.md §7): operations started together that provably reach one resource instance are reported; contexts
/// per operation, thread-safe types, different instances and opaque receivers are silent. Task.WhenAll and tasks started into
/// locals here; the loop shapes and options in ConcurrentResourceAnalyzerTests.Loops.cs.
/// </summary>
public partial class ConcurrentResourceAnalyzerTests
{
    /// <summary>An EF Core model and two repositories over its context, given it by their constructors.</summary>
    internal const string Model = """
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

public class User { public int Id { get; set; } }
public class Order { public int Id { get; set; } }
public class AppDbContext : DbContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Order> Orders => Set<Order>();
}
public class OrderRepository
{
    private readonly AppDbContext _db;
    public OrderRepository(AppDbContext db) { _db = db; }
    public Task<int> CountAsync() => _db.Orders.CountAsync();
}
public class CustomerRepository(AppDbContext db)
{
    private readonly AppDbContext _db = db;
    public Task<int> CountAsync() => _db.Users.CountAsync();
}

""";

    [Fact]
    public async Task WhenAll_TwoRepositoriesGivenOneScopedContext_IsReported()
    {
        var test = Create("""
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task<int> LoadAsync()
    {
        var counts = await Task.WhenAll({|#1:orders.CountAsync()|}, {|#0:customers.CountAsync()|});
        return counts.Sum();
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "through OrderRepository._db and CustomerRepository._db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAll_TwoQueriesOnOneContextField_IsReported()
    {
        var test = Create("""
public class Dashboard
{
    private readonly AppDbContext _db;
    public Dashboard(AppDbContext db) { _db = db; }
    public async Task RunAsync()
    {
        await Task.WhenAll({|#1:_db.Users.ToListAsync()|}, {|#0:_db.Orders.ToListAsync()|});
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "each through _db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAny_OverOneRepository_IsReported()
    {
        var test = Create("""
public class Dashboard(OrderRepository orders)
{
    public async Task RunAsync()
    {
        await Task.WhenAny({|#1:orders.CountAsync()|}, {|#0:orders.CountAsync()|});
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "each through OrderRepository._db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAll_TwoMethodsOfThisThatUseItsContext_IsReported()
    {
        var test = Create("""
public class Dashboard(AppDbContext db)
{
    private Task<int> CountUsersAsync() => db.Users.CountAsync();
    private Task<int> CountOrdersAsync() => CountOrdersCoreAsync();
    private Task<int> CountOrdersCoreAsync() => db.Orders.CountAsync();
    public async Task RunAsync()
    {
        await Task.WhenAll({|#1:CountUsersAsync()|}, {|#0:CountOrdersAsync()|});
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "each through Dashboard.db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAll_MethodOfThisAndItsContextDirectly_IsReported()
    {
        var test = Create("""
public class Dashboard(AppDbContext db)
{
    private Task<int> CountUsersAsync() => db.Users.CountAsync();
    public async Task RunAsync()
    {
        await Task.WhenAll({|#1:CountUsersAsync()|}, {|#0:db.Orders.CountAsync()|});
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "through Dashboard.db and db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAll_ArrayOfTasksOverOneParameter_IsReported()
    {
        var test = Create("""
public static class Report
{
    public static async Task RunAsync(AppDbContext db)
    {
        await Task.WhenAll(new Task[] { {|#1:db.Users.LoadAsync()|}, {|#0:db.Orders.LoadAsync()|} });
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "each through db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAll_RepositoriesBehindInterfacesInSource_IsReported()
    {
        var test = Create("""
public interface IOrders { Task<int> CountAsync(); }
public interface ICustomers { Task<int> CountAsync(); }
public class Orders(AppDbContext db) : IOrders { public Task<int> CountAsync() => db.Orders.CountAsync(); }
public class Customers(AppDbContext db) : ICustomers { public Task<int> CountAsync() => db.Users.CountAsync(); }
public class Dashboard(IOrders orders, ICustomers customers)
{
    public Task<int[]> RunAsync() => Task.WhenAll({|#1:orders.CountAsync()|}, {|#0:customers.CountAsync()|});
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "through Orders.db and Customers.db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAll_ServicesSeenThroughInAReferencedAssembly_IsReported()
    {
        var services = await ReferenceAssembly.CompileAsync("""
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
namespace Shop
{
    public class ShopDbContext : DbContext { }
    public interface IUserService { Task<int> CountAsync(); }
    public class UserService : IUserService
    {
        private readonly ShopDbContext _db;
        public UserService(ShopDbContext db) { _db = db; }
        public Task<int> CountAsync() => Pending.Result(0);
    }
    public class OrderService
    {
        public OrderService(ShopDbContext context) { }
        public Task<int> CountAsync() => Pending.Result(0);
    }
}
""", References.Net80WithEntityFramework);
        var test = Create("""
public class Dashboard(Shop.IUserService users, Shop.OrderService orders)
{
    public Task<int[]> RunAsync() => Task.WhenAll({|#1:users.CountAsync()|}, {|#0:orders.CountAsync()|});
}
""");
        test.TestState.AdditionalReferences.Add(services);
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "ShopDbContext", "through UserService.db and OrderService.context"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAll_ContextsFromIDbContextFactory_IsSilent()
    {
        await Create("""
public class Dashboard(IDbContextFactory<AppDbContext> factory)
{
    private async Task<int> CountUsersAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Users.CountAsync();
    }
    private async Task<int> CountOrdersAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Orders.CountAsync();
    }
    public Task<int[]> RunAsync() => Task.WhenAll(CountUsersAsync(), CountOrdersAsync());
}
""").RunAsync();
    }

    [Fact]
    public async Task WhenAll_ContextsCreatedInsideEachLambda_IsSilent()
    {
        await Create("""
public class Dashboard(IDbContextFactory<AppDbContext> factory, IServiceScopeFactory scopes)
{
    public async Task RunAsync()
    {
        await Task.WhenAll(
            Task.Run(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                return await db.Users.CountAsync();
            }),
            Task.Run(async () =>
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                return await db.Orders.CountAsync();
            }));
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task WhenAll_OneContextCapturedByTwoLambdas_IsReported()
    {
        var test = Create("""
public class Dashboard(AppDbContext db)
{
    public async Task RunAsync()
    {
        await Task.WhenAll({|#1:Task.Run(() => db.Users.CountAsync())|}, {|#0:Task.Run(() => db.Orders.CountAsync())|});
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "each through db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAll_ThreadSafeClients_IsSilent()
    {
        await Create("""
public class Weather(HttpClient http) { public Task<string> GetAsync(int id) => http.GetStringAsync("/" + id); }
public class Dashboard(HttpClient http, Weather first, Weather second)
{
    public async Task RunAsync()
    {
        await Task.WhenAll(http.GetStringAsync("/a"), http.GetStringAsync("/b"));
        await Task.WhenAll(first.GetAsync(1), second.GetAsync(2), first.GetAsync(3));
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task WhenAll_DifferentContextInstances_IsSilent()
    {
        await Create("""
public class Report(AppDbContext reporting, AppDbContext archive)
{
    public async Task RunAsync(AppDbContext first, AppDbContext second)
    {
        await Task.WhenAll(first.Users.CountAsync(), second.Users.CountAsync());
        var a = new AppDbContext();
        var b = new AppDbContext();
        await Task.WhenAll(new OrderRepository(a).CountAsync(), new OrderRepository(b).CountAsync());
        await Task.WhenAll(reporting.Users.CountAsync(), archive.Users.CountAsync());
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task WhenAll_RepositoriesNotGivenByDependencyInjection_IsSilent()
    {
        await Create("""
public class Report
{
    public async Task RunAsync(OrderRepository handedOrders, CustomerRepository handedCustomers)
    {
        var orders = new OrderRepository(new AppDbContext());
        var customers = new CustomerRepository(new AppDbContext());
        await Task.WhenAll(orders.CountAsync(), customers.CountAsync());
        await Task.WhenAll(handedOrders.CountAsync(), handedCustomers.CountAsync());
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task WhenAll_OpaqueReceivers_IsSilent()
    {
        var services = await ReferenceAssembly.CompileAsync("""
using System.Threading.Tasks;
namespace Messaging
{
    public interface IMediator { Task<int> SendAsync(object request); }
}
""");
        var test = Create("""
public interface IUnimplemented { Task<int> CountAsync(); }
public class Dashboard(Messaging.IMediator mediator, IUnimplemented unseen, OrderRepository orders)
{
    public async Task RunAsync()
    {
        await Task.WhenAll(mediator.SendAsync(1), mediator.SendAsync(2));
        await Task.WhenAll(unseen.CountAsync(), unseen.CountAsync(), orders.CountAsync());
    }
}
""");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAll_ServiceWhoseCalledMethodDoesNotUseItsContext_IsSilent()
    {
        await Create("""
public class Catalog(AppDbContext db, HttpClient http)
{
    public Task<string> GetPriceAsync(int id) => http.GetStringAsync("/price/" + id);
    public Task<int> CountAsync() => db.Users.CountAsync();
}
public class Dashboard(Catalog catalog, OrderRepository orders)
{
    public async Task RunAsync()
    {
        await Task.WhenAll(catalog.GetPriceAsync(1), catalog.GetPriceAsync(2));
        await Task.WhenAll(catalog.GetPriceAsync(3), orders.CountAsync());
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task WhenAll_ContextsOfTwoTypesOrOwnedByEachRepository_IsSilent()
    {
        await Create("""
public class ArchiveDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
public class Archive(ArchiveDbContext db) { public Task<int> CountAsync() => db.Orders.CountAsync(); }
public class OwnContext { private readonly AppDbContext _db = new AppDbContext(); public Task<int> CountAsync() => _db.Users.CountAsync(); }
public class Dashboard(Archive archive, OrderRepository orders, OwnContext first, OwnContext second)
{
    public async Task RunAsync()
    {
        await Task.WhenAll(archive.CountAsync(), orders.CountAsync());
        await Task.WhenAll(first.CountAsync(), second.CountAsync());
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task Started_TaskIntoLocalThenAnotherAwaitedBeforeIt_IsReported()
    {
        var test = Create("""
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task<int> LoadAsync()
    {
        var ordersTask = {|#1:orders.CountAsync()|};
        var customerCount = await {|#0:customers.CountAsync()|};
        return customerCount + await ordersTask;
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "through OrderRepository._db and CustomerRepository._db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Started_TwoTasksThenWhenAll_IsReportedOnceWhereTheSecondStarts()
    {
        var test = Create("""
public class Dashboard(AppDbContext db)
{
    public async Task<int> LoadAsync()
    {
        var usersTask = {|#1:db.Users.CountAsync()|};
        var ordersTask = {|#0:db.Orders.CountAsync()|};
        await Task.WhenAll(usersTask, ordersTask);
        (var users, var orders) = (await usersTask, await ordersTask);
        return users + orders;
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "each through db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Started_TaskRunBodyOnTheContextThenAQuery_IsReported()
    {
        var test = Create("""
public class Dashboard(AppDbContext db)
{
    public async Task<int> LoadAsync()
    {
        var background = {|#1:Task.Run(() => db.Users.CountAsync())|};
        var orders = await {|#0:db.Orders.CountAsync()|};
        return orders + await background;
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "each through db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Started_LambdaParametersOfALocalsQuery_AreAnotherValueOnEveryCall()
    {
        // Each entry holds a context, but the lambdas that built the list were given one entry per call: no one instance is shared,
        // and the two tasks only read the entries' names.
        await Create("""
public class Entry(AppDbContext db, string name)
{
    public string Name { get; } = name;
    public Task<int> CountAsync() => db.Users.CountAsync();
}
public class EntryIndex
{
    public async Task<int> BuildAsync(IEnumerable<Entry> entries)
    {
        var all = entries.Where(e => e.Name.Length > 0).ToList();
        var byName = Task.Run(() => all.ToDictionary(e => e.Name));
        var count = Task.Run(() => all.Count(e => e.Name.StartsWith("a")));
        return (await byName).Count + await count;
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task Started_ParameterOfTheLocalFunctionThatStartsBoth_IsOneInstance()
    {
        var test = Create("""
public class Dashboard
{
    public async Task<int> LoadAsync(AppDbContext context)
    {
        return await CountBothAsync(context);

        async Task<int> CountBothAsync(AppDbContext db)
        {
            var usersTask = {|#1:db.Users.CountAsync()|};
            var orders = await {|#0:db.Orders.CountAsync()|};
            return orders + await usersTask;
        }
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "each through db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Started_TasksNeitherAwaitedNorJoinedInTheBlock_AreLeftAlone()
    {
        // The screen: nothing after the started task awaits or joins, so the block is not analysed (the caller gets both tasks).
        await Create("""
public class Dashboard(AppDbContext db)
{
    public (Task<int> Users, Task<int> Orders) Start()
    {
        var usersTask = db.Users.CountAsync();
        var ordersTask = db.Orders.CountAsync();
        return (usersTask, ordersTask);
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task Started_LocalAwaitedBeforeTheNextStarts_IsSilent()
    {
        await Create("""
public class Dashboard(AppDbContext db, IDbContextFactory<AppDbContext> factory)
{
    public async Task<int> LoadAsync()
    {
        var usersTask = db.Users.CountAsync();
        var users = await usersTask;
        var orders = await db.Orders.CountAsync();
        var ownTask = CountWithOwnContextAsync();
        var more = await db.Orders.CountAsync();
        return users + orders + more + await ownTask;
    }
    private async Task<int> CountWithOwnContextAsync()
    {
        await using var own = await factory.CreateDbContextAsync();
        return await own.Users.CountAsync();
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task Collected_TasksAddedToALocalListBeforeItIsAwaited_IsReported()
    {
        var test = Create("""
public class Dashboard(OrderRepository orders, CustomerRepository customers, HttpClient http)
{
    public async Task RunAsync()
    {
        var tasks = new List<Task>();
        tasks.Add({|#1:orders.CountAsync()|});
        tasks.Add(http.GetStringAsync("/ping"));
        tasks.Add({|#0:customers.CountAsync()|});
        await Task.WhenAll(tasks);
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "through OrderRepository._db and CustomerRepository._db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Collected_ListAwaitedBeforeTheNextStarts_IsSilent()
    {
        await Create("""
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task RunAsync()
    {
        var tasks = new List<Task>();
        tasks.Add(orders.CountAsync());
        await Task.WhenAll(tasks);
        tasks.Add(customers.CountAsync());
        await Task.WhenAll(tasks);
    }
}
""").RunAsync();
    }

    private static Verify.Test Create(string source, string? editorConfig = null)
    {
        var test = Verify.Create(Model + source, editorConfig);
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        return test;
    }
}
