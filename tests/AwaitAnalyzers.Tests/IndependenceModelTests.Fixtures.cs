using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// The fixtures of the independence-model tests (docs/design.md §3), each written once: an EF Core model, repositories and
/// clients in source, the sources of referenced assemblies, and the helpers that run a source with them.
/// </summary>
public partial class IndependenceModelTests
{
    /// <summary>An EF Core model: one context type, two entity sets (and the usings its tests need); the loop tests use it too.</summary>
    internal const string EfModel = """
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
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

""";

    /// <summary>A second context type, after <see cref="EfModel"/>: queries of two contexts.</summary>
    private const string ReportingDbContext = """
public class ReportingDbContext : DbContext
{
    public DbSet<Order> Orders => Set<Order>();
}

""";

    /// <summary>A page of results, after <see cref="EfModel"/>.</summary>
    private const string PageRecord = """
public record Page<T>(List<T> Items, int Count);

""";

    /// <summary>A repository holding the context by a field, used beside each other way of holding it.</summary>
    private const string OrderRepository = """
public class OrderRepository
{
    private readonly AppDbContext _db;
    public OrderRepository(AppDbContext db) { _db = db; }
    public Task<List<Order>> ListAsync(int userId) => _db.Orders.ToListAsync();
}

""";

    /// <summary>An interface whose one implementation holds the context by its primary-constructor parameter.</summary>
    private const string UserRepositoryOverContext = """
public interface IUserRepository { Task<User> GetAsync(int id); }
public class UserRepository(AppDbContext db) : IUserRepository
{
    public Task<User> GetAsync(int id) => db.Users.FirstAsync(u => u.Id == id);
}

""";

    /// <summary>A rule (a handler resolved from the scope) whose implementation holds the context.</summary>
    private const string RuleOverContext = """
public interface IRule { Task<bool> CheckAsync(int id); }
public class UniqueEmailRule(AppDbContext db) : IRule
{
    public Task<bool> CheckAsync(int id) => db.Users.AnyAsync(u => u.Id == id);
}

""";

    /// <summary>A client holding only an HttpClient: known safe for concurrent use.</summary>
    private const string WeatherClient = """
public class WeatherClient
{
    private readonly HttpClient _http;
    public WeatherClient(HttpClient http) { _http = http; }
    public Task<string> GetForecastAsync(int id) => _http.GetStringAsync("/forecast/" + id);
}

""";

    /// <summary>Two awaits on a UserRepository (each test writes its own) and an OrderRepository.</summary>
    private const string TwoCalls = """
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

""";

    /// <summary>A plain client in source: two instances of it are two instances.</summary>
    private const string AcmeClient = """
using System.Threading.Tasks;
namespace Acme
{
    public class Client
    {
        public Task<int> GetAsync(int id) => Pending.Result(id);
    }
}

""";

    /// <summary>A store in source that holds a connection through its primary-constructor parameter.</summary>
    private const string AcmeStore = """
using System.Data.Common;
using System.Threading.Tasks;
namespace Acme
{
    public class Store(DbConnection connection)
    {
        public Task<int> GetAsync(int id) => Pending.Result(id);
    }
}

""";

    /// <summary>Two instances of the plain client, one call each (a group, #0 and #1).</summary>
    private const string TwoClients = AcmeClient + """
public class Handler(Acme.Client first, Acme.Client second)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} first.GetAsync(1);
        {|#1:var b = await second.GetAsync(2);|}
    }
}

""";

    /// <summary>One store used twice (a group, #0 and #1, unless the store is a resource).</summary>
    private const string StoreUsedTwice = AcmeStore + """
public class Handler(Acme.Store store)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} store.GetAsync(1);
        {|#1:var b = await store.GetAsync(2);|}
    }
}

""";

    // Referenced assemblies (compiled with ReferenceAssembly.CompileAsync): what a build shows of another project.

    /// <summary>Payments: an interface with no visible implementation, so opaque.</summary>
    private const string PaymentsLibrary = """
using System.Threading.Tasks;
namespace Payments
{
    public interface IGateway { Task<decimal> GetBalanceAsync(int id); }
}

""";

    /// <summary>Messaging: a mediator interface with no visible implementation, so opaque.</summary>
    private const string MessagingLibrary = """
using System.Threading.Tasks;
namespace Messaging
{
    public interface IMediator { Task<T> GetAsync<T>(object request); }
}

""";

    /// <summary>Weather: a public implementation given only an HttpClient, so known safe.</summary>
    private const string WeatherLibrary = """
using System.Net.Http;
using System.Threading.Tasks;
namespace Weather
{
    public interface IWeatherService { Task<string> GetForecastAsync(int id); }
    public sealed class WeatherService : IWeatherService
    {
        private readonly HttpClient _http;
        public WeatherService(HttpClient http) { _http = http; }
        public Task<string> GetForecastAsync(int id) => _http.GetStringAsync("/" + id);
    }
}

""";

    /// <summary>Shop: public implementations given the EF Core context (compile with <see cref="References.Net80WithEntityFramework"/>).</summary>
    private const string ShopLibrary = """
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
        public Task<string> GetNameAsync(int id) => Pending.Result("");
    }
    public class OrderService : IOrderService
    {
        private readonly ShopDbContext _db;
        public OrderService(ShopDbContext db) { _db = db; }
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
}

""";

    /// <summary>Billing: the implementation is internal, so a reference assembly does not show it.</summary>
    private const string BillingLibrary = """
using System.Threading.Tasks;
namespace Billing
{
    public interface IInvoiceService { Task<int> CountAsync(int id); }
    internal sealed class InvoiceService : IInvoiceService
    {
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
}

""";

    private static Task VerifyGroupAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyLoopAsync(string source, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = VerifyLoop.Create(source, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyWithEntityFrameworkAsync(string source, params DiagnosticResult[] expected)
    {
        var test = WithEntityFramework(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

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
    private static string LoopOver(string parameters, string call, string items = "int[] ids", string item = "id") => $$"""
public class LoopHandler({{parameters}})
{
    public async Task RunAsync({{items}})
    {
        {|#0:foreach|} (var {{item}} in {{item}}s)
        {
            var result = {|#1:{{call}}|};
            System.Console.WriteLine(result);
        }
    }
}

""";

    /// <summary>The same loop without markup: for the silent cases.</summary>
    private static string SilentLoopOver(string parameters, string call, string items = "int[] ids", string item = "id")
        => Silent(LoopOver(parameters, call, items, item));

    /// <summary>A marked source (<c>{|#n:…|}</c>) without its markup: the same code, for the cases where nothing is reported.</summary>
    private static string Silent(string marked) => Regex.Replace(marked, """\{\|#\d+:|\|\}""", string.Empty);

    /// <summary>A marked source without the (not nested) markup numbered <paramref name="markers"/>, keeping the rest.</summary>
    private static string Silent(string marked, params int[] markers)
        => Regex.Replace(
            marked,
            """\{\|#(\d+):(.*?)\|\}""",
            match => markers.Contains(int.Parse(match.Groups[1].Value)) ? match.Groups[2].Value : match.Value,
            RegexOptions.Singleline);
}
