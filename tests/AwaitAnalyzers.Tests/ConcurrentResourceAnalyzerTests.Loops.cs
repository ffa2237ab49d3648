using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>AWAIT003's loop shapes (one lambda run for many items at once) and the type options (docs/design.md §5, §7).</summary>
public partial class ConcurrentResourceAnalyzerTests
{
    [Fact]
    public async Task Select_AsyncLambdaOnOneContext_IsReported()
    {
        var test = Create("""
public class Importer(AppDbContext db)
{
    public async Task RunAsync(int[] ids)
    {
        await Task.WhenAll(ids.Select({|#0:async id => await db.Users.FindAsync(id)|}));
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, null, "AppDbContext", "each through db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Select_MethodCallThroughARepository_IntoALocalList_IsReported()
    {
        var test = Create("""
public class Importer(OrderRepository orders)
{
    public async Task<int> RunAsync(int[] ids)
    {
        var tasks = ids.Select({|#0:id => orders.CountAsync()|}).ToList();
        var counts = await Task.WhenAll(tasks);
        return counts.Sum();
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, null, "AppDbContext", "each through OrderRepository._db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Select_ContextPerItem_IsSilent()
    {
        await Create("""
public class Importer(IDbContextFactory<AppDbContext> factory, IServiceScopeFactory scopes, HttpClient http)
{
    public async Task RunAsync(int[] ids)
    {
        await Task.WhenAll(ids.Select(async id =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Users.FindAsync(id);
        }));
        await Task.WhenAll(ids.Select(async id =>
        {
            using var scope = scopes.CreateScope();
            var repository = scope.ServiceProvider.GetRequiredService<OrderRepository>();
            return await repository.CountAsync();
        }));
        await Task.WhenAll(ids.Select(id => http.GetStringAsync("/" + id)));
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task ParallelForEachAsync_BodyOnAContextFromOutside_IsReported()
    {
        var test = Create("""
public class Importer(AppDbContext db)
{
    public async Task RunAsync(int[] ids)
    {
        await Parallel.ForEachAsync(ids, {|#0:async (id, ct) => await db.Users.FindAsync(new object[] { id }, ct)|});
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, null, "AppDbContext", "each through db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ParallelForEachAsync_ContextPerItem_IsSilent()
    {
        await Create("""
public class Importer(IDbContextFactory<AppDbContext> factory)
{
    public async Task RunAsync(int[] ids)
    {
        await Parallel.ForEachAsync(ids, async (id, ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await db.Users.FindAsync(new object[] { id }, ct);
        });
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task NonConcurrentTypes_MakeATypeOfOneOwnAResource()
    {
        const string Source = """
namespace Acme { public class Session { public Task<int> GetAsync(int id) => Pending.Result(id); } }
public class Importer(Acme.Session session)
{
    public async Task RunAsync()
    {
        await Task.WhenAll({|#1:session.GetAsync(1)|}, {|#0:session.GetAsync(2)|});
    }
}
""";
        var test = Create(Source, "await_analyzers.non_concurrent_types = Acme.Session\n");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, 1, "Session", "each through session"));
        await test.RunAsync();

        // Without the option the same code is silent: the type holds nothing known.
        await Create(System.Text.RegularExpressions.Regex.Replace(Source, @"\{\|#\d+:|\|\}", string.Empty)).RunAsync();
    }

    [Fact]
    public async Task ConcurrentSafeTypes_MakeAResourceTypeSafe()
    {
        await Create("""
public class Importer(OrderRepository orders)
{
    public async Task RunAsync()
    {
        await Task.WhenAll(orders.CountAsync(), orders.CountAsync());
    }
}
""", "await_analyzers.concurrent_safe_types = OrderRepository\n").RunAsync();
    }

    /// <param name="lockObject">What the writes lock on: the writer itself, or a gate every run shares.</param>
    [Theory]
    [InlineData("log")]
    [InlineData("gate")]
    public async Task ParallelForEachAsync_AWriterUsedOnlyUnderALock_IsSilent(string lockObject)
    {
        await Create($$"""
public class Evaluator(HttpClient http)
{
    private readonly object gate = new();
    public async Task RunAsync(string[] questions, System.IO.StreamWriter log)
    {
        await Parallel.ForEachAsync(questions, async (question, ct) =>
        {
            var answer = await http.GetStringAsync("/ask?q=" + question, ct);
            lock ({{lockObject}})
            {
                log.WriteLine(question);
                log.WriteLine(answer);
            }
        });
    }
}
""").RunAsync();
    }

    [Fact]
    public async Task ParallelForEachAsync_AWriterOverAFileOpenedOutside_UsedOnlyUnderALock_IsSilent()
    {
        await Create("""
public class Evaluator(HttpClient http)
{
    public async Task RunAsync(string[] questions, string path)
    {
        using var file = System.IO.File.Open(path, System.IO.FileMode.Create);
        using var log = new System.IO.StreamWriter(file);
        await Parallel.ForEachAsync(questions, async (question, ct) =>
        {
            var answer = await http.GetStringAsync("/ask?q=" + question, ct);
            lock (log)
            {
                log.WriteLine(answer);
            }
        });
    }
}
""").RunAsync();
    }

    /// <param name="writes">One write outside the lock, or every write under a lock each run creates for itself.</param>
    [Theory]
    [InlineData("lock (log) { log.WriteLine(question); }\n            await log.WriteLineAsync(answer);")]
    [InlineData("var mine = new object();\n            lock (mine) { log.WriteLine(answer); }")]
    public async Task ParallelForEachAsync_AWriterNotOnlyUnderASharedLock_IsReported(string writes)
    {
        var test = Create($$"""
public class Evaluator(HttpClient http)
{
    public async Task RunAsync(string[] questions, System.IO.StreamWriter log)
    {
        await Parallel.ForEachAsync(questions, {|#0:async (question, ct) =>
        {
            var answer = await http.GetStringAsync("/ask?q=" + question, ct);
            {{writes}}
        }|});
    }
}
""");
        test.ExpectedDiagnostics.Add(Expect.Concurrent(0, null, "StreamWriter", "each through log"));
        await test.RunAsync();
    }
}
