using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3 in a loop: no iteration feeds the next (§3.1), none calls a shared instance after its await (§3.7),
/// none pauses or synchronises (§3.3), none shares a resource with the next (§3.2), and each is worth overlapping (§3.5).
/// </summary>
public partial class AwaitInLoopAnalyzerTests
{
    // §3.1 Data: the body writes nothing declared outside it, except the accumulation shapes.

    [Fact]
    public async Task LoopCarriedWrite_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var total = 0;
        User? last = null;
        foreach (var id in ids)
        {
            var user = await service.GetUserAsync(id);
            total += await service.CountAsync(user);
        }
        foreach (var id in ids)
            last = await service.GetUserAsync(id);
        Console.WriteLine($"{total}{last}");
"""));
    }

    [Fact]
    public async Task CounterWrittenInTheBody_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        for (int i = 0; i < ids.Length; i++)
        {
            await service.ProcessAsync(ids[i]);
            i++;
        }
"""));
    }

    [Fact]
    public async Task OuterLocalWrittenThroughAnOutArgument_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var parsed = 0;
        foreach (var id in ids)
        {
            int.TryParse(id.ToString(), out parsed);
            await service.ProcessAsync(id);
        }
        Console.WriteLine(parsed);
"""));
    }

    [Fact]
    public async Task OuterStructMutatedByItsOwnMethod_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var tally = new Tally();
        foreach (var id in ids)
        {
            tally.Bump();
            await service.ProcessAsync(id);
        }
        Console.WriteLine(tally.Count);
    }
}

public struct Tally
{
    public int Count;
    public void Bump() => Count++;
}

public class Unused
{
    public void M()
    {
"""));
    }

    [Fact]
    public async Task FieldWrittenInTheBody_IsSilent()
    {
        await Verify.VerifyAsync($$"""

using System.Threading.Tasks;
{{Services}}
public class Caller
{
    private User? _last;
    public async Task RunAsync(Service service, int[] ids)
    {
        foreach (var id in ids)
            _last = await service.GetUserAsync(id);
    }
}

""");
    }

    [Fact]
    public async Task ListUsedBeyondItsAdd_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var users = new List<User>();
        foreach (var id in ids)
        {
            users.Add(await service.GetUserAsync(id));
            Console.WriteLine(users.Count);
        }
"""));
    }

    [Fact]
    public async Task ConditionalAdd_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var users = new List<User>();
        foreach (var id in ids)
        {
            var user = await service.GetUserAsync(id);
            if (id > 0)
                users.Add(user);
            await service.ProcessAsync(id);
        }
"""));
    }

    // §3.7 Once an await has let other iterations run, a call on an instance from outside the iteration.

    [Fact]
    public async Task SharedCollectionMutatedAfterAnAwait_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var byId = new Dictionary<int, User>();
        foreach (var id in ids)
            byId[id] = await service.GetUserAsync(id);
        var seen = new HashSet<User>();
        foreach (var id in ids)
            seen.Add(await service.GetUserAsync(id));
"""));
    }

    [Fact]
    public async Task SharedInstanceCalledAfterAnAwait_IsSilent()
    {
        await Verify.VerifyAsync($$"""

using System.Text;
using System.Threading.Tasks;
{{Services}}
public class Caller
{
    private int _seen;
    private void Remember(User user) => _seen++;

    public async Task RunAsync(Service service, int[] ids, StringBuilder log)
    {
        foreach (var id in ids)
        {
            var user = await service.GetUserAsync(id);
            Remember(user);
            await service.ProcessAsync(id);
        }
        foreach (var id in ids)
        {
            var user = await service.GetUserAsync(id);
            log.Append(user);
            await service.ProcessAsync(id);
        }
    }
}

""");
    }

    /// <summary>A service the loop calls after its await, declared after <c>Caller</c>.</summary>
    private const string Telemetry = """

public class Telemetry { public void Track(User user) { } }

""";

    [Fact]
    public async Task StaticOrConcurrentSafeCallAfterAnAwait_IsReported()
    {
        var test = Verify.Create(Caller.Method("""
        {|#0:foreach|} (var id in ids)
        {
            var user = {|#1:await service.GetUserAsync(id)|};
            Console.WriteLine(user);
            telemetry.Track(user);
        }
""", "Service service, int[] ids, Telemetry telemetry") + Telemetry, "await_analyzers.concurrent_safe_types = Telemetry\n");
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task CallOnAnInstanceNotKnownSafeAfterAnAwait_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        foreach (var id in ids)
        {
            var user = await service.GetUserAsync(id);
            telemetry.Track(user);
            await service.ProcessAsync(id);
        }
""", "Service service, int[] ids, Telemetry telemetry") + Telemetry);
    }

    // §3.3 Ordering intent.

    [Theory]
    [InlineData("await Task.Delay(100);")]
    [InlineData("await gate.WaitAsync();")]
    [InlineData("gate.Wait();")]
    [InlineData("Thread.Sleep(10);")]
    public async Task PauseOrSynchronisationInTheBody_IsSilent(string step)
    {
        await Verify.VerifyAsync(Caller.Method($$"""
        foreach (var id in ids)
        {
            {{step}}
            await service.ProcessAsync(id);
        }
""", "Service service, int[] ids, SemaphoreSlim gate"));
    }

    [Fact]
    public async Task LockInTheBody_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        var sync = new object();
        foreach (var id in ids)
        {
            lock (sync) { Console.WriteLine(id); }
            await service.ProcessAsync(id);
        }
"""));
    }

    // §3.2 Shared resources: one for every iteration.

    [Fact]
    public async Task OneStreamUsedByEveryIteration_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        foreach (var line in lines)
            await writer.WriteLineAsync(line);
""", "System.IO.TextWriter writer, string[] lines"));
    }

    [Fact]
    public async Task OneRepositoryHoldingAConnection_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        foreach (var id in ids)
        {
            var user = await repository.FindAsync(id);
            Console.WriteLine(user);
        }
""", "Repository repository, int[] ids"));
    }

    [Fact]
    public async Task OneDbContextUsedByEveryIteration_IsSilent_BesideAServiceWithoutOne()
    {
        var test = Verify.Create(IndependenceModelTests.EfModel + """
public class Mailer { public Task SendAsync(int id) => Pending.Done(); }
public class Caller
{
    public async Task RunAsync(AppDbContext db, Mailer mailer, int[] ids)
    {
        foreach (var id in ids)
            await db.Users.FindAsync(id);
        {|#0:foreach|} (var id in ids)
            {|#1:await mailer.SendAsync(id)|};
    }
}

""");
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoopOverResultsAwaitedFromADbContext_IsReported()
    {
        // The list is a completed value: iterating it does not reach the context the query ran on.
        var test = Verify.Create(IndependenceModelTests.EfModel + """
public class Mailer { public Task SendAsync(User user) => Pending.Done(); }
public class Caller
{
    public async Task RunAsync(AppDbContext db, Mailer mailer)
    {
        var users = await db.Users.ToListAsync();
        {|#0:foreach|} (var user in users)
            {|#1:await mailer.SendAsync(user)|};
    }
}

""");
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoopOverAQueryOfADbContextUsedInTheBody_IsSilent()
    {
        var test = Verify.Create(IndependenceModelTests.EfModel + """
public class Caller
{
    public async Task RunAsync(AppDbContext db, int[] ids)
    {
        var query = db.Users.Where(u => u.Id > 0);
        foreach (var id in ids)
        {
            var user = await query.FirstOrDefaultAsync(u => u.Id == id);
            System.Console.WriteLine(user);
        }
    }
}

""");
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        await test.RunAsync();
    }

    // §3.5 Benefit.

    [Fact]
    public async Task AwaitOfAStartedTask_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        foreach (var task in tasks)
            await task;
""", "Task[] tasks"));
    }

    [Fact]
    public async Task AlreadyCompletedOperation_IsSilent()
    {
        await Verify.VerifyAsync(Caller.Method("""
        foreach (var id in ids)
            Console.WriteLine(await Task.FromResult(id));
"""));
    }
}
