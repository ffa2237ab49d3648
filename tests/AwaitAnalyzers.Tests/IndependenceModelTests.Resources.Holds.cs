using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Options;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.2, holds and conflict (a): a type holds a resource by a field, an auto-property or a constructor parameter, followed from type to type.</summary>
public partial class IndependenceModelTests
{
    [Fact]
    public async Task DirectDbContextReceiver_IsSilent()
    {
        await WithEntityFramework(EfModel + """
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

""").RunAsync();
    }

    [Fact]
    public async Task RepositoryHoldingContextByField_BesideAnotherRepository_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + TwoCalls + """
public class UserRepository
{
    private readonly AppDbContext _db;
    public UserRepository(AppDbContext db) { _db = db; }
    public Task<User> GetAsync(int id) => _db.Users.FirstAsync(u => u.Id == id);
}

""").RunAsync();
    }

    [Fact]
    public async Task RepositoryHoldingContextByAutoProperty_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + TwoCalls + """
public class UserRepository
{
    public AppDbContext Db { get; set; }
    public Task<User> GetAsync(int id) => Db.Users.FirstAsync(u => u.Id == id);
}

""").RunAsync();
    }

    [Fact]
    public async Task RepositoryHoldingContextByConstructorParameter_IsSilent()
    {
        // The context is only given to the constructor: what a type is given is what it holds.
        await WithEntityFramework(EfModel + OrderRepository + TwoCalls + """
public class UserRepository
{
    private readonly IQueryable<User> _users;
    public UserRepository(AppDbContext db) { _users = db.Users; }
    public Task<User> GetAsync(int id) => _users.FirstAsync(u => u.Id == id);
}

""").RunAsync();
    }

    [Fact]
    public async Task RepositoryHoldingContextByPrimaryConstructorParameter_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + TwoCalls + """
public class UserRepository(AppDbContext db)
{
    public Task<User> GetAsync(int id) => db.Users.FirstAsync(u => u.Id == id);
}

""").RunAsync();
    }

    [Fact]
    public async Task InterfaceReceiverWhoseOnlyImplementationHoldsContext_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + UserRepositoryOverContext + """
public class Handler(IUserRepository users, OrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var user = await users.GetAsync(id);
        var list = await orders.ListAsync(id);
    }
}

""").RunAsync();
    }

    [Fact]
    public async Task RepositoriesHoldingDifferentContextTypes_AreReported()
    {
        // DI hands one instance per context type: two context types are two instances.
        var test = WithEntityFramework(EfModel + OrderRepository + """
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

""");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ContextHeldThroughAGenericRepository_IsSilent()
    {
        await WithEntityFramework(EfModel + """
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

""").RunAsync();
    }

    [Fact]
    public async Task ContextHeldAsAConstrainedTypeParameter_IsSilent()
    {
        // The store's context is TContext : DbContext — any context, AppDbContext included.
        await WithEntityFramework(EfModel + OrderRepository + """
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

""").RunAsync();
    }

    [Fact]
    public async Task ContextHeldThroughABaseClass_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + """
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

""" + TwoCalls).RunAsync();
    }

    [Fact]
    public async Task ContextHeldThroughACollectionOfHandlers_IsSilent()
    {
        await WithEntityFramework(EfModel + OrderRepository + RuleOverContext + """
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

""").RunAsync();
    }

    [Fact]
    public async Task StoreHoldingAConnection_IsSilent()
    {
        await Verify.VerifyAsync(Silent(StoreUsedTwice));
    }

    [Fact]
    public async Task CycleInTheTypeGraph_IsJudgedWithoutHanging()
    {
        var test = Verify.Create("""
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

""");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task CycleHoldingAConnection_IsSilent()
    {
        await Verify.VerifyAsync("""
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

""");
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
}
