using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.2 in a loop, §3.7: the same test between one iteration and the next; for the iteration variable only its type counts.</summary>
public partial class IndependenceModelTests
{
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
        await LoopWithEntityFramework(EfModel + $$"""public class UserRepository { {{members}} }""" + SilentLoopOver("UserRepository users", "await users.GetAsync(id)")).RunAsync();
    }

    [Fact]
    public async Task Loop_RepositoryHoldingContextByPrimaryConstructorParameter_IsSilent()
    {
        await LoopWithEntityFramework(EfModel + """
public class UserRepository(AppDbContext db)
{
    public Task<User> GetAsync(int id) => db.Users.FirstAsync(u => u.Id == id);
}

""" + SilentLoopOver("UserRepository users", "await users.GetAsync(id)")).RunAsync();
    }

    [Fact]
    public async Task Loop_InterfaceReceiverWhoseOnlyImplementationHoldsContext_IsSilent()
    {
        await LoopWithEntityFramework(EfModel + UserRepositoryOverContext + SilentLoopOver("IUserRepository users", "await users.GetAsync(id)")).RunAsync();
    }

    [Fact]
    public async Task Loop_TwoRepositoriesHoldingTheSameContextType_IsSilent()
    {
        await LoopWithEntityFramework(EfModel + OrderRepository + """
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

""").RunAsync();
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
        var test = VerifyLoop.Create("""
using System.Net.Http;
using System.Threading.Tasks;

""" + LoopOver("HttpClient http", "await http.GetStringAsync(url)", "string[] urls", "url"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("System.Data.Common.DbConnection")]
    [InlineData("System.IO.Stream")]
    [InlineData("System.IO.TextWriter")]
    public async Task Loop_ResourcePassedAsArgument_IsSilent(string resourceType)
    {
        await VerifyLoop.VerifyAsync($$"""
using System.Threading.Tasks;
public static class Store
{
    public static Task<int> LoadAsync({{resourceType}} resource, int id) => Pending.Result(id);
}

""" + SilentLoopOver(resourceType + " resource", "await Store.LoadAsync(resource, id)"));
    }

    [Fact]
    public async Task Loop_SameOpaqueInstance_IsSilent()
    {
        var gateway = await ReferenceAssembly.CompileAsync(PaymentsLibrary);
        var test = VerifyLoop.Create("using System.Threading.Tasks;\n" + SilentLoopOver("Payments.IGateway gateway", "await gateway.GetBalanceAsync(id)"));
        test.TestState.AdditionalReferences.Add(gateway);
        await test.RunAsync();
    }

    /// <summary>A loop over gateways from a static source: only the iteration variable's type says what each item holds.</summary>
    private const string LoopOverGateways = """
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

""";

    [Fact]
    public async Task Loop_OpaqueItemsWithEntityFramework_IsSilent()
    {
        // (c) over the iteration variable: each gateway is another instance, but what they hold is unseen.
        var gateway = await ReferenceAssembly.CompileAsync(PaymentsLibrary);
        var test = LoopWithEntityFramework(Silent(LoopOverGateways));
        test.TestState.AdditionalReferences.Add(gateway);
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_OpaqueItemsWithoutDataAccessAssembly_AreReported()
    {
        var gateway = await ReferenceAssembly.CompileAsync(PaymentsLibrary);
        var test = VerifyLoop.Create(LoopOverGateways, "await_analyzers.report_pipelines = true");
        test.TestState.AdditionalReferences.Add(gateway);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_ItemsHoldingTheScopedContext_IsSilent()
    {
        // Handlers resolved from one scope are different instances holding one DbContext.
        await LoopWithEntityFramework(EfModel + RuleOverContext + """
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

""").RunAsync();
    }

    [Fact]
    public async Task Loop_ItemsHoldingNothing_AreReported()
    {
        var test = LoopWithEntityFramework(EfModel + """
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

""");
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_TypeNamedInNonConcurrentTypes_IsSilent()
    {
        await VerifyLoop.VerifyAsync(
            AcmeClient + SilentLoopOver("Acme.Client client", "await client.GetAsync(id)"),
            "await_analyzers.non_concurrent_types = Acme.Client\n");
    }

    [Fact]
    public async Task Loop_TypeNamedInConcurrentSafeTypes_IsReported()
    {
        var test = VerifyLoop.Create(
            AcmeStore + LoopOver("Acme.Store store", "await store.GetAsync(id)"),
            "await_analyzers.concurrent_safe_types = Acme.Store\n");
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_StoreHoldingAConnection_IsSilent()
    {
        await VerifyLoop.VerifyAsync(
            AcmeStore + SilentLoopOver("Acme.Store store", "await store.GetAsync(id)"));
    }

    [Fact]
    public async Task Loop_CycleInTheTypeGraph_IsJudgedWithoutHanging()
    {
        var test = VerifyLoop.Create("""
using System.Threading.Tasks;
public class Parent { public Child Child { get; set; } public Task<int> GetAsync(int id) => Pending.Result(id); }
public class Child { public Parent Parent { get; set; } public Child Next { get; set; } }

""" + LoopOver("Parent parent", "await parent.GetAsync(id)"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_ReferencedServiceWhoseImplementationTakesOnlyHttpClient_IsReportedEvenWithEntityFramework()
    {
        var services = await ReferenceAssembly.CompileAsync(WeatherLibrary);
        var test = LoopWithEntityFramework(EfModel + LoopOver("Weather.IWeatherService weather", "await weather.GetForecastAsync(id)"));
        test.TestState.AdditionalReferences.Add(services);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_ReferencedServiceWhoseImplementationTakesContext_IsSilent()
    {
        var services = await ReferenceAssembly.CompileAsync(ShopLibrary, References.Net80WithEntityFramework);
        var test = LoopWithEntityFramework("using System.Threading.Tasks;\n" + SilentLoopOver("Shop.IUserService users", "await users.GetNameAsync(id)"));
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task Loop_ReferencedServiceWithNoVisibleImplementation_WithEntityFramework_IsSilent()
    {
        var services = await ReferenceAssembly.CompileAsync(BillingLibrary);
        var test = LoopWithEntityFramework("using System.Threading.Tasks;\n" + SilentLoopOver("Billing.IInvoiceService invoices", "await invoices.CountAsync(id)"));
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }
}
