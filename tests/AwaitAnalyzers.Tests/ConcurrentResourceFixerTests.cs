using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using VerifyFix = AwaitAnalyzers.Tests.Verification.CodeFixVerifier<
    AwaitAnalyzers.Rules.ConcurrentResourceAnalyzer,
    AwaitAnalyzers.CodeFixes.Rules.ConcurrentResourceFixer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// AWAIT003's fix (docs/design.md §7): the operations awaited one after another, every result kept; the loop shapes as a foreach.
/// Every fixed source compiles (the testing library checks it) and is analyzed again: nothing is left to report.
/// </summary>
public class ConcurrentResourceFixerTests
{
    private const string Repositories = ConcurrentResourceAnalyzerTests.Model;

    [Fact]
    public async Task WhenAllStatement_BecomesOneAwaitAfterAnother()
    {
        await VerifyAsync("""
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task RunAsync()
    {
        // both counts
        await Task.WhenAll({|#1:orders.CountAsync()|}, {|#0:customers.CountAsync()|}); // warm the cache
    }
}
""", """
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task RunAsync()
    {
        // both counts
        await orders.CountAsync();
        await customers.CountAsync(); // warm the cache
    }
}
""", Expect.Concurrent(0, 1, "AppDbContext", "through OrderRepository._db and CustomerRepository._db"));
    }

    [Fact]
    public async Task WhenAllWithConfigureAwait_KeepsItOnEachAwait()
    {
        await VerifyAsync("""
public class Dashboard(AppDbContext db)
{
    public async Task RunAsync()
    {
        await Task.WhenAll({|#1:db.Users.LoadAsync()|}, {|#0:db.Orders.LoadAsync()|}).ConfigureAwait(false);
    }
}
""", """
public class Dashboard(AppDbContext db)
{
    public async Task RunAsync()
    {
        await db.Users.LoadAsync().ConfigureAwait(false);
        await db.Orders.LoadAsync().ConfigureAwait(false);
    }
}
""", Expect.Concurrent(0, 1, "AppDbContext", "each through db"));
    }

    [Fact]
    public async Task WhenAllResults_BecomeAnArrayAwaitedInOrder()
    {
        await VerifyAsync("""
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task<int> RunAsync()
    {
        var counts = await Task.WhenAll({|#1:orders.CountAsync()|}, {|#0:customers.CountAsync()|});
        return counts.Sum() + counts.Length;
    }

    public async Task<int[]> AgainAsync()
    {
        return await Task.WhenAll({|#3:orders.CountAsync()|}, {|#2:customers.CountAsync()|});
    }
}
""", """
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task<int> RunAsync()
    {
        var counts = new int[] { await orders.CountAsync(), await customers.CountAsync() };
        return counts.Sum() + counts.Length;
    }

    public async Task<int[]> AgainAsync()
    {
        return new int[] { await orders.CountAsync(), await customers.CountAsync() };
    }
}
""", Expect.Concurrent(0, 1, "AppDbContext", "through OrderRepository._db and CustomerRepository._db"),
            Expect.Concurrent(2, 3, "AppDbContext", "through OrderRepository._db and CustomerRepository._db"));
    }

    [Fact]
    public async Task StartedTask_IsAwaitedBeforeTheNextOperationStarts()
    {
        await VerifyAsync("""
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task<int> LoadAsync()
    {
        var ordersTask = {|#1:orders.CountAsync()|};
        var customersTask = {|#0:customers.CountAsync()|};
        await Task.WhenAll(ordersTask, customersTask);
        (var orderCount, var customerCount) = (await ordersTask, await customersTask);
        return orderCount + customerCount;
    }
}
""", """
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task<int> LoadAsync()
    {
        var ordersTask = orders.CountAsync();
        await ordersTask;
        var customersTask = customers.CountAsync();
        await Task.WhenAll(ordersTask, customersTask);
        (var orderCount, var customerCount) = (await ordersTask, await customersTask);
        return orderCount + customerCount;
    }
}
""", Expect.Concurrent(0, 1, "AppDbContext", "through OrderRepository._db and CustomerRepository._db"));
    }

    [Fact]
    public async Task StartedTaskThenAnAwaitWithConfigureAwait_AwaitsTheTaskTheSameWay()
    {
        await VerifyAsync("""
public class Dashboard(AppDbContext db)
{
    public async Task<int> LoadAsync()
    {
        var usersTask = {|#1:db.Users.CountAsync()|};
        var orders = await {|#0:db.Orders.CountAsync()|}.ConfigureAwait(false);
        return orders + await usersTask.ConfigureAwait(false);
    }
}
""", """
public class Dashboard(AppDbContext db)
{
    public async Task<int> LoadAsync()
    {
        var usersTask = db.Users.CountAsync();
        await usersTask.ConfigureAwait(false);
        var orders = await db.Orders.CountAsync().ConfigureAwait(false);
        return orders + await usersTask.ConfigureAwait(false);
    }
}
""", Expect.Concurrent(0, 1, "AppDbContext", "each through db"));
    }

    [Fact]
    public async Task TasksCollectedInAList_AreAwaitedBeforeTheNextStarts()
    {
        await VerifyAsync("""
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task RunAsync()
    {
        var tasks = new List<Task<int>>();
        tasks.Add({|#1:orders.CountAsync()|});
        tasks.Add({|#0:customers.CountAsync()|});
        var counts = await Task.WhenAll(tasks);
    }
}
""", """
public class Dashboard(OrderRepository orders, CustomerRepository customers)
{
    public async Task RunAsync()
    {
        var tasks = new List<Task<int>>();
        tasks.Add(orders.CountAsync());
        await Task.WhenAll(tasks);
        tasks.Add(customers.CountAsync());
        var counts = await Task.WhenAll(tasks);
    }
}
""", Expect.Concurrent(0, 1, "AppDbContext", "through OrderRepository._db and CustomerRepository._db"));
    }

    [Fact]
    public async Task FixAll_RewritesEveryPlaceOfTheDocument()
    {
        var test = VerifyFix.Create(Repositories + """
public class Dashboard(AppDbContext db, OrderRepository orders)
{
    public async Task RunAsync()
    {
        await Task.WhenAll({|#1:db.Users.LoadAsync()|}, {|#0:db.Orders.LoadAsync()|});
        await Task.WhenAll({|#3:orders.CountAsync()|}, {|#2:orders.CountAsync()|});
    }
}
""", Repositories + """
public class Dashboard(AppDbContext db, OrderRepository orders)
{
    public async Task RunAsync()
    {
        await db.Users.LoadAsync();
        await db.Orders.LoadAsync();
        await orders.CountAsync();
        await orders.CountAsync();
    }
}
""");
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "each through db"));
        test.ExpectedDiagnostics.Add(Expect.Concurrent(2, 3, "AppDbContext", "each through OrderRepository._db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WhenAny_AndWhenAllOutsideAnAwait_AreNotRewritten()
    {
        var source = Repositories + """
public class Dashboard(OrderRepository orders)
{
    public async Task RunAsync()
    {
        await Task.WhenAny({|#1:orders.CountAsync()|}, {|#0:orders.CountAsync()|});
    }

    public Task<int[]> CountBothAsync() => Task.WhenAll({|#3:orders.CountAsync()|}, {|#2:orders.CountAsync()|});
}
""";
        var test = VerifyFix.Create(source, source);
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "AppDbContext", "each through OrderRepository._db"));
        test.ExpectedDiagnostics.Add(Expect.Concurrent(2, 3, "AppDbContext", "each through OrderRepository._db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SelectUnderWhenAll_BecomesAForeachWithAnAwait()
    {
        await VerifyAsync("""
public class Importer(AppDbContext db, OrderRepository orders)
{
    public async Task RunAsync(int[] ids)
    {
        await Task.WhenAll(ids.Select({|#0:async id => await db.Users.FindAsync(id)|}));
        await Task.WhenAll(ids.Select({|#1:id => orders.CountAsync()|})).ConfigureAwait(false);
    }
}
""", """
public class Importer(AppDbContext db, OrderRepository orders)
{
    public async Task RunAsync(int[] ids)
    {
        foreach (var id in ids)
        {
            await db.Users.FindAsync(id);
        }
        foreach (var id in ids)
        {
            await orders.CountAsync().ConfigureAwait(false);
        }
    }
}
""", Expect.Concurrent(0, null, "AppDbContext", "each through db"), Expect.Concurrent(1, null, "AppDbContext", "each through OrderRepository._db"));
    }

    [Fact]
    public async Task SelectWithABlockBody_MovesTheBlockIntoTheForeach()
    {
        await VerifyAsync("""
public class Importer(AppDbContext db)
{
    public async Task RunAsync(IEnumerable<int> ids)
    {
        await Task.WhenAll(ids.Select({|#0:async (int id) =>
        {
            // one user at a time
            var user = await db.Users.FindAsync(id);
            System.Console.WriteLine(user?.Id);
        }|}));
    }
}
""", """
public class Importer(AppDbContext db)
{
    public async Task RunAsync(IEnumerable<int> ids)
    {
        foreach (int id in ids)
        {
            // one user at a time
            var user = await db.Users.FindAsync(id);
            System.Console.WriteLine(user?.Id);
        }
    }
}
""", Expect.Concurrent(0, null, "AppDbContext", "each through db"));
    }

    [Fact]
    public async Task ParallelForEachAsync_BecomesAForeach_WhenItsTokenIsUnused()
    {
        await VerifyAsync("""
public class Importer(AppDbContext db)
{
    public async Task RunAsync(int[] ids)
    {
        await Parallel.ForEachAsync(ids, {|#0:async (id, _) =>
        {
            await db.Users.FindAsync(id);
        }|});
    }
}
""", """
public class Importer(AppDbContext db)
{
    public async Task RunAsync(int[] ids)
    {
        foreach (var id in ids)
        {
            await db.Users.FindAsync(id);
        }
    }
}
""", Expect.Concurrent(0, null, "AppDbContext", "each through db"));
    }

    [Fact]
    public async Task LoopShapesThatCannotBeWrittenBack_AreNotRewritten()
    {
        var source = Repositories + """
public class Importer(AppDbContext db)
{
    public async Task<User?[]> RunAsync(int[] ids, CancellationToken token)
    {
        await Parallel.ForEachAsync(ids, token, {|#0:async (id, ct) => await db.Users.FindAsync(new object[] { id }, ct)|});
        await Task.WhenAll(ids.Select({|#1:async id =>
        {
            if (id < 0) return;
            await db.Users.FindAsync(id);
        }|}));
        return await Task.WhenAll(ids.Select({|#2:async id => await db.Users.FindAsync(id)|}));
    }
}
""";
        var test = VerifyFix.Create(source, source);
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, null, "AppDbContext", "each through db"));
        test.ExpectedDiagnostics.Add(Expect.Concurrent(1, null, "AppDbContext", "each through db"));
        test.ExpectedDiagnostics.Add(Expect.Concurrent(2, null, "AppDbContext", "each through db"));
        await test.RunAsync();
    }

    private static async Task VerifyAsync(string source, string fixedSource, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = VerifyFix.Create(Repositories + source, Repositories + fixedSource);
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
