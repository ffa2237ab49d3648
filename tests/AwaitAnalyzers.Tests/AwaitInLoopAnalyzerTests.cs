using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>AWAIT002: which loops are reported, and where (docs/design.md §2, §3 in a loop).</summary>
public class AwaitInLoopAnalyzerTests
{
    /// <summary>The services the loop tests call (shared with AwaitInLoopFixerTests).</summary>
    internal const string Services = @"
public class User { }
public class Dto { }
public class Service
{
    public Task<User> GetUserAsync(int id) => Pending.Result(new User());
    public Task ProcessAsync(int id) => Pending.Done();
    public Task SendAsync(Dto dto) => Pending.Done();
    public Task<int> CountAsync(User user) => Pending.Result(1);
    public ValueTask<int> ScoreAsync(int id) => new ValueTask<int>(Pending.Result<int>(id));
    public Task PingAsync() => Pending.Done();
    public static Dto Map(int id) => new Dto();
}
public class Repository
{
    private readonly System.Data.Common.DbConnection _connection;
    public Repository(System.Data.Common.DbConnection connection) => _connection = connection;
    public Task<User> FindAsync(int id) => Pending.Result(new User());
}
";

    private static string InMethod(string body, string parameters = "Service service, int[] ids") => @"
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
" + Services + @"
public class Caller
{
    public async Task RunAsync(" + parameters + @")
    {
" + body + @"
    }
}
";

    [Fact]
    public async Task ForEachAwaitingEachItem_IsReported()
    {
        var test = Verify.Create(InMethod(@"
        {|#0:foreach|} (var id in ids)
            {|#1:await service.ProcessAsync(id)|};
"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task AwaitThroughALocalComputedFromTheItem_IsReported()
    {
        var test = Verify.Create(InMethod(@"
        {|#0:foreach|} (var id in ids)
        {
            var dto = Service.Map(id);
            {|#1:await service.SendAsync(dto)|};
        }
"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task BodyWithTwoAwaits_HasBothAsAdditionalLocations()
    {
        var test = Verify.Create(InMethod(@"
        {|#0:foreach|} (var id in ids)
        {
            var user = {|#1:await service.GetUserAsync(id)|};
            var count = {|#2:await service.CountAsync(user)|};
            var doubled = count * 2;
        }
"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1, 2));
        await test.RunAsync();
    }

    [Fact]
    public async Task CountingFor_IsReported()
    {
        var test = Verify.Create(InMethod(@"
        {|#0:for|} (int i = 0; i < ids.Length; i++)
            {|#1:await service.ProcessAsync(ids[i])|};
"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task AccumulationIntoALocalList_IsReported()
    {
        var test = Verify.Create(InMethod(@"
        var users = new List<User>();
        {|#0:foreach|} (var id in ids)
            users.Add({|#1:await service.GetUserAsync(id)|});
        Console.WriteLine(users.Count);
"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ResultDeclaredThenAdded_IsReported()
    {
        var test = Verify.Create(InMethod(@"
        ICollection<User> users = new List<User>();
        {|#0:foreach|} (var id in ids)
        {
            var user = {|#1:await service.GetUserAsync(id)|};
            users.Add(user);
        }
"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConfigureAwaitAndValueTask_AreReported()
    {
        var test = Verify.Create(InMethod(@"
        {|#0:foreach|} (var id in ids)
            {|#1:await service.ScoreAsync(id).ConfigureAwait(false)|};
"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task BreakInsideANestedSwitch_DoesNotLeaveTheLoop()
    {
        var test = Verify.Create(InMethod(@"
        {|#0:foreach|} (var id in ids)
        {
            switch (id)
            {
                case 0:
                    break;
                default:
                    {|#1:await service.ProcessAsync(id)|};
                    break;
            }
        }
"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoopInAsyncLambdaAndLocalFunction_AreReported()
    {
        var test = Verify.Create(InMethod(@"
        Func<Task> run = async () =>
        {
            {|#0:foreach|} (var id in ids)
                {|#1:await service.ProcessAsync(id)|};
        };
        await run();
        await Local();

        async Task Local()
        {
            {|#2:foreach|} (var id in ids)
                {|#3:await service.ProcessAsync(id)|};
        }
"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        test.ExpectedDiagnostics.Add(Expect.Loop(2, 3));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoopInTopLevelStatements_IsReported()
    {
        var test = Verify.Create(@"
using System.Threading.Tasks;

var service = new Service();
{|#0:foreach|} (var id in new[] { 1, 2, 3 })
    {|#1:await service.ProcessAsync(id)|};
" + Services);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task NestedIndependentLoops_AreReportedOnTheOuterLoop()
    {
        var test = Verify.Create(InMethod(@"
        {|#0:foreach|} (var row in rows)
            foreach (var id in row)
                {|#1:await service.ProcessAsync(id)|};
", "Service service, int[][] rows"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task OuterLoopCarryingState_LeavesOnlyTheInnerLoop()
    {
        var test = Verify.Create(InMethod(@"
        var total = 0;
        foreach (var row in rows)
        {
            total += row.Length;
            {|#0:foreach|} (var id in row)
                {|#1:await service.ProcessAsync(id)|};
        }
        Console.WriteLine(total);
", "Service service, int[][] rows"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    // ---- silent ----

    [Fact]
    public async Task WhileAndDoLoops_AreSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        var i = 0;
        while (i < ids.Length)
            await service.ProcessAsync(ids[i++]);
        do
        {
            await service.ProcessAsync(ids[0]);
        }
        while (ids.Length > 100);
"));
    }

    [Fact]
    public async Task AwaitForeach_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        await foreach (var id in source)
            await service.ProcessAsync(id);
", "Service service, IAsyncEnumerable<int> source"));
    }

    [Theory]
    [InlineData("if (id < 0) break;")]
    [InlineData("if (id < 0) continue;")]
    [InlineData("if (id < 0) return;")]
    [InlineData("if (id < 0) throw new InvalidOperationException();")]
    [InlineData("if (id < 0) goto done;")]
    public async Task BodyThatLeavesTheLoop_IsSilent(string jump)
    {
        await Verify.VerifyAsync(InMethod(@"
        foreach (var id in ids)
        {
            " + jump + @"
            await service.ProcessAsync(id);
        }
        done:
        Console.WriteLine();
"));
    }

    [Fact]
    public async Task YieldInAnAsyncIterator_IsSilent()
    {
        await Verify.VerifyAsync(@"
using System.Collections.Generic;
using System.Threading.Tasks;
" + Services + @"
public class Caller
{
    public async IAsyncEnumerable<User> GetAllAsync(Service service, int[] ids)
    {
        foreach (var id in ids)
            yield return await service.GetUserAsync(id);
    }
}
");
    }

    [Fact]
    public async Task LoopCarriedWrite_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        var total = 0;
        User? last = null;
        foreach (var id in ids)
        {
            var user = await service.GetUserAsync(id);
            total += await service.CountAsync(user);
        }
        foreach (var id in ids)
            last = await service.GetUserAsync(id);
        Console.WriteLine($""{total}{last}"");
"));
    }

    [Fact]
    public async Task CounterWrittenInTheBody_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        for (int i = 0; i < ids.Length; i++)
        {
            await service.ProcessAsync(ids[i]);
            i++;
        }
"));
    }

    [Fact]
    public async Task OuterLocalWrittenThroughAnOutArgument_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        var parsed = 0;
        foreach (var id in ids)
        {
            int.TryParse(id.ToString(), out parsed);
            await service.ProcessAsync(id);
        }
        Console.WriteLine(parsed);
"));
    }

    [Fact]
    public async Task OuterStructMutatedByItsOwnMethod_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
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
"));
    }

    [Fact]
    public async Task FieldWrittenInTheBody_IsSilent()
    {
        await Verify.VerifyAsync(@"
using System.Threading.Tasks;
" + Services + @"
public class Caller
{
    private User? _last;
    public async Task RunAsync(Service service, int[] ids)
    {
        foreach (var id in ids)
            _last = await service.GetUserAsync(id);
    }
}
");
    }

    [Fact]
    public async Task RetryAndPollShapes_AreSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        for (int attempt = 0; attempt < 3; attempt++)
            await service.PingAsync();
        foreach (var id in ids)
            await service.ProcessAsync(ids[0]);
"));
    }

    [Theory]
    [InlineData("await Task.Delay(100);")]
    [InlineData("await gate.WaitAsync();")]
    [InlineData("gate.Wait();")]
    [InlineData("Thread.Sleep(10);")]
    public async Task PauseOrSynchronisationInTheBody_IsSilent(string step)
    {
        await Verify.VerifyAsync(InMethod(@"
        foreach (var id in ids)
        {
            " + step + @"
            await service.ProcessAsync(id);
        }
", "Service service, int[] ids, SemaphoreSlim gate"));
    }

    [Fact]
    public async Task LockInTheBody_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        var sync = new object();
        foreach (var id in ids)
        {
            lock (sync) { Console.WriteLine(id); }
            await service.ProcessAsync(id);
        }
"));
    }

    [Fact]
    public async Task OneStreamUsedByEveryIteration_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        foreach (var line in lines)
            await writer.WriteLineAsync(line);
", "System.IO.TextWriter writer, string[] lines"));
    }

    [Fact]
    public async Task OneRepositoryHoldingAConnection_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        foreach (var id in ids)
        {
            var user = await repository.FindAsync(id);
            Console.WriteLine(user);
        }
", "Repository repository, int[] ids"));
    }

    [Fact]
    public async Task OneDbContextUsedByEveryIteration_IsSilent_BesideAServiceWithoutOne()
    {
        var test = Verify.Create(@"
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

public class User { public int Id { get; set; } }
public class AppDb : DbContext { public DbSet<User> Users => Set<User>(); }
public class Mailer { public Task SendAsync(int id) => Pending.Done(); }
public class Caller
{
    public async Task RunAsync(AppDb db, Mailer mailer, int[] ids)
    {
        foreach (var id in ids)
            await db.Users.FindAsync(id);
        {|#0:foreach|} (var id in ids)
            {|#1:await mailer.SendAsync(id)|};
    }
}
");
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoopOverResultsAwaitedFromADbContext_IsReported()
    {
        // The list is a completed value: iterating it does not reach the context the query ran on.
        var test = Verify.Create(@"
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

public class User { public int Id { get; set; } }
public class AppDb : DbContext { public DbSet<User> Users => Set<User>(); }
public class Mailer { public Task SendAsync(User user) => Pending.Done(); }
public class Caller
{
    public async Task RunAsync(AppDb db, Mailer mailer)
    {
        var users = await db.Users.ToListAsync();
        {|#0:foreach|} (var user in users)
            {|#1:await mailer.SendAsync(user)|};
    }
}
");
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task LoopOverAQueryOfADbContextUsedInTheBody_IsSilent()
    {
        var test = Verify.Create(@"
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

public class User { public int Id { get; set; } }
public class AppDb : DbContext { public DbSet<User> Users => Set<User>(); }
public class Caller
{
    public async Task RunAsync(AppDb db, int[] ids)
    {
        var query = db.Users.Where(u => u.Id > 0);
        foreach (var id in ids)
        {
            var user = await query.FirstOrDefaultAsync(u => u.Id == id);
            System.Console.WriteLine(user);
        }
    }
}
");
        test.ReferenceAssemblies = References.Net80WithEntityFramework;
        await test.RunAsync();
    }

    [Fact]
    public async Task AwaitOfAStartedTask_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        foreach (var task in tasks)
            await task;
", "Task[] tasks"));
    }

    [Fact]
    public async Task AlreadyCompletedOperation_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        foreach (var id in ids)
            Console.WriteLine(await Task.FromResult(id));
"));
    }

    [Fact]
    public async Task ListUsedBeyondItsAdd_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        var users = new List<User>();
        foreach (var id in ids)
        {
            users.Add(await service.GetUserAsync(id));
            Console.WriteLine(users.Count);
        }
"));
    }

    [Fact]
    public async Task ConditionalAdd_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        var users = new List<User>();
        foreach (var id in ids)
        {
            var user = await service.GetUserAsync(id);
            if (id > 0)
                users.Add(user);
            await service.ProcessAsync(id);
        }
"));
    }

    [Fact]
    public async Task SharedCollectionMutatedAfterAnAwait_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        var byId = new Dictionary<int, User>();
        foreach (var id in ids)
            byId[id] = await service.GetUserAsync(id);
        var seen = new HashSet<User>();
        foreach (var id in ids)
            seen.Add(await service.GetUserAsync(id));
"));
    }

    [Fact]
    public async Task SharedInstanceCalledAfterAnAwait_IsSilent()
    {
        await Verify.VerifyAsync(@"
using System.Text;
using System.Threading.Tasks;
" + Services + @"
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
");
    }

    [Fact]
    public async Task StaticOrConcurrentSafeCallAfterAnAwait_IsReported()
    {
        var test = Verify.Create(InMethod(@"
        {|#0:foreach|} (var id in ids)
        {
            var user = {|#1:await service.GetUserAsync(id)|};
            Console.WriteLine(user);
            telemetry.Track(user);
        }
", "Service service, int[] ids, Telemetry telemetry") + @"
public class Telemetry { public void Track(User user) { } }
", "await_analyzers.concurrent_safe_types = Telemetry\n");
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task CallOnAnInstanceNotKnownSafeAfterAnAwait_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        foreach (var id in ids)
        {
            var user = await service.GetUserAsync(id);
            telemetry.Track(user);
            await service.ProcessAsync(id);
        }
", "Service service, int[] ids, Telemetry telemetry") + @"
public class Telemetry { public void Track(User user) { } }
");
    }

    [Fact]
    public async Task ElementConversionEnumerableCastCannotDo_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        foreach (long id in ids)
            await service.ProcessAsync((int)id);
"));
    }

    [Fact]
    public async Task ForOverAnythingButACountingRange_IsSilent()
    {
        await Verify.VerifyAsync(InMethod(@"
        for (int i = 0; i < ids.Length; i += 2)
            await service.ProcessAsync(ids[i]);
        for (int i = ids.Length - 1; i >= 0; i--)
            await service.ProcessAsync(ids[i]);
        for (int i = 0; i < Count(); i++)
            await service.ProcessAsync(i);

        static int Count() => 3;
"));
    }

    [Fact]
    public async Task LoopInASynchronousMethod_IsSilent()
    {
        await Verify.VerifyAsync(@"
using System.Threading.Tasks;
" + Services + @"
public class Caller
{
    public void Run(Service service, int[] ids)
    {
        foreach (var id in ids)
        {
            Func<Task> f = async () => await service.ProcessAsync(id);
        }
    }
}
".Replace("Func<Task>", "System.Func<Task>"));
    }

    [Fact]
    public async Task IncompleteCode_DoesNotThrow()
    {
        var test = Verify.Create(InMethod(@"
        foreach (var id in )
            await service.ProcessAsync(id);
        foreach (var id in ids)
            await service.Unknown(id);
        for (int i = 0; i < ; i++)
            await service.ProcessAsync(i)
        foreach (var id in ids)
        {
            users.Add(await service.GetUserAsync(id));
"));
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        await test.RunAsync();
    }
}
