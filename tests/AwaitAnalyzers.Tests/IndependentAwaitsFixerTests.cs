using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.CodeFixes.Rules;
using AwaitAnalyzers.Rules;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.CodeFixVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer, AwaitAnalyzers.CodeFixes.Rules.IndependentAwaitsFixer>;

namespace AwaitAnalyzers.Tests;

/// <summary>AWAIT001's fix (docs/design.md §4): tasks started in order, Task.WhenAll, then every result kept.</summary>
public class IndependentAwaitsFixerTests
{
    private const string IncludeCommands = "await_analyzers.include_commands = true\n";

    private const string Services = IndependentAwaitsAnalyzerTests.Services;

    /// <summary>The group of most tests: two queries whose results are used, at a method body's indentation.</summary>
    private const string UserAndList = """

            var user = {|#0:await|} users.GetUserAsync(id);
            {|#1:var list = await orders.ListOrdersAsync(id);|}
            System.Console.WriteLine($"{user}{list}");
    """;

    private const string UserAndListFixed = """

            var userTask = users.GetUserAsync(id);
            var listTask = orders.ListOrdersAsync(id);
            await Task.WhenAll(userTask, listTask);
            var (user, list) = (await userTask, await listTask);
            System.Console.WriteLine($"{user}{list}");
    """;

    private static string InMethod(string body) => $$"""

        using System.Threading.Tasks;
        {{Services}}
        public class Caller
        {
            private User _user = new User();

            public async Task RunAsync(Service users, Service orders, int id)
            {
        {{body}}
            }
        }

        """;

    [Fact]
    public async Task TwoDeclarations_BecomeTasksWhenAllAndDestructuring()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod(UserAndList),
            InMethod(UserAndListFixed));
    }

    [Fact]
    public async Task ThreeStatements_StartThreeTasksInOrder()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1, 2),
            InMethod("""

                    var user = {|#0:await|} users.GetUserAsync(id);
                    {|#1:var list = await orders.ListOrdersAsync(id);|}
                    {|#2:var count = await orders.CountAsync(id);|}
                    System.Console.WriteLine($"{user}{list}{count}");
            """),
            InMethod("""

                    var userTask = users.GetUserAsync(id);
                    var listTask = orders.ListOrdersAsync(id);
                    var countTask = orders.CountAsync(id);
                    await Task.WhenAll(userTask, listTask, countTask);
                    var (user, list, count) = (await userTask, await listTask, await countTask);
                    System.Console.WriteLine($"{user}{list}{count}");
            """));
    }

    [Fact]
    public async Task ExplicitTypesMixedWithVar_AreKept_OneDeclarationPerResult()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1, 2),
            InMethod("""

                    User user = {|#0:await|} users.GetUserAsync(id);
                    {|#1:var list = await orders.ListOrdersAsync(id);|}
                    {|#2:long count = await orders.CountAsync(id);|}
                    System.Console.WriteLine($"{user}{list}{count}");
            """),
            InMethod("""

                    var userTask = users.GetUserAsync(id);
                    var listTask = orders.ListOrdersAsync(id);
                    var countTask = orders.CountAsync(id);
                    await Task.WhenAll(userTask, listTask, countTask);
                    User user = await userTask;
                    var list = await listTask;
                    long count = await countTask;
                    System.Console.WriteLine($"{user}{list}{count}");
            """));
    }

    [Fact]
    public async Task ExplicitTypesForEveryResult_ShareOneDestructuring()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""
                User user = {|#0:await|} users.GetUserAsync(id);
                {|#1:long count = await orders.CountAsync(id);|}
                System.Console.WriteLine($"{user}{count}");
        """),
            InMethod("""
                var userTask = users.GetUserAsync(id);
                var countTask = orders.CountAsync(id);
                await Task.WhenAll(userTask, countTask);
                (User user, long count) = (await userTask, await countTask);
                System.Console.WriteLine($"{user}{count}");
        """));
    }

    [Fact]
    public async Task Assignments_KeepTheirTargets()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    Order[] list;
                    list = {|#0:await|} orders.ListOrdersAsync(id);
                    {|#1:this._user = await users.GetUserAsync(id);|}
                    System.Console.WriteLine(list);
            """),
            InMethod("""

                    Order[] list;
                    var listTask = orders.ListOrdersAsync(id);
                    var userTask = users.GetUserAsync(id);
                    await Task.WhenAll(listTask, userTask);
                    (list, this._user) = (await listTask, await userTask);
                    System.Console.WriteLine(list);
            """));
    }

    [Fact]
    public async Task DeclarationsMixedWithAssignments_ShareOneDestructuring()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    int count;
                    var user = {|#0:await|} users.GetUserAsync(id);
                    {|#1:count = await orders.CountAsync(id);|}
                    System.Console.WriteLine($"{user}{count}");
            """),
            InMethod("""

                    int count;
                    var userTask = users.GetUserAsync(id);
                    var countTask = orders.CountAsync(id);
                    await Task.WhenAll(userTask, countTask);
                    (var user, count) = (await userTask, await countTask);
                    System.Console.WriteLine($"{user}{count}");
            """));
    }

    [Fact]
    public async Task DeclarationsMixedWithAssignments_BeforeCSharp10_GetOneStatementEach()
    {
        var test = Verify.Create(
            InMethod("""

                    int count;
                    var user = {|#0:await|} users.GetUserAsync(id);
                    {|#1:count = await orders.CountAsync(id);|}
                    System.Console.WriteLine($"{user}{count}");
            """),
            InMethod("""

                    int count;
                    var userTask = users.GetUserAsync(id);
                    var countTask = orders.CountAsync(id);
                    await Task.WhenAll(userTask, countTask);
                    var user = await userTask;
                    count = await countTask;
                    System.Console.WriteLine($"{user}{count}");
            """));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(
            projectId,
            ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp9)));
        await test.RunAsync();
    }

    [Fact]
    public async Task Commands_BecomeOneWhenAll()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    {|#0:await|} users.SendAsync("a");
                    {|#1:await orders.SendAsync("b");|}
            """),
            InMethod("""

                    await Task.WhenAll(users.SendAsync("a"), orders.SendAsync("b"));
            """),
            IncludeCommands);
    }

    [Fact]
    public async Task CommandsWithCommentsBetween_KeepThemBesideTheirTasks()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    // tell the user
                    {|#0:await|} users.SendAsync("a"); // by mail

                    // and the shop
                    {|#1:await orders.NotifyAsync("b");|}
            """),
            InMethod("""

                    // tell the user
                    var sendTask = users.SendAsync("a"); // by mail

                    // and the shop
                    var notifyTask = orders.NotifyAsync("b").AsTask();
                    await Task.WhenAll(sendTask, notifyTask);
            """),
            IncludeCommands);
    }

    [Fact]
    public async Task OneResultBesideCommands_IsAwaitedWithoutATuple()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1, 2),
            InMethod("""

                    {|#0:await|} users.SendAsync("a");
                    {|#1:var user = await users.GetUserAsync(id);|}
                    {|#2:await orders.NotifyAsync("b");|}
                    System.Console.WriteLine(user);
            """),
            InMethod("""

                    var sendTask = users.SendAsync("a");
                    var userTask = users.GetUserAsync(id);
                    var notifyTask = orders.NotifyAsync("b").AsTask();
                    await Task.WhenAll(sendTask, userTask, notifyTask);
                    var user = await userTask;
                    System.Console.WriteLine(user);
            """),
            IncludeCommands);
    }

    [Fact]
    public async Task ConfigureAwaitFalse_IsKeptOnWhenAllAndResults()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    var user = {|#0:await|} users.GetUserAsync(id).ConfigureAwait(false);
                    {|#1:var list = await orders.ListOrdersAsync(id).ConfigureAwait(false);|}
                    System.Console.WriteLine($"{user}{list}");
            """),
            InMethod("""

                    var userTask = users.GetUserAsync(id);
                    var listTask = orders.ListOrdersAsync(id);
                    await Task.WhenAll(userTask, listTask).ConfigureAwait(false);
                    var (user, list) = (await userTask.ConfigureAwait(false), await listTask.ConfigureAwait(false));
                    System.Console.WriteLine($"{user}{list}");
            """));
    }

    [Fact]
    public async Task ValueTask_BecomesATaskWhereItIsStarted()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    var score = {|#0:await|} users.GetScoreAsync(id);
                    {|#1:var user = await users.GetUserAsync(id);|}
                    System.Console.WriteLine($"{score}{user}");
            """),
            InMethod("""

                    var scoreTask = users.GetScoreAsync(id).AsTask();
                    var userTask = users.GetUserAsync(id);
                    await Task.WhenAll(scoreTask, userTask);
                    var (score, user) = (await scoreTask, await userTask);
                    System.Console.WriteLine($"{score}{user}");
            """));
    }

    [Fact]
    public async Task TaskNames_DoNotClashWithNamesInScopeInLambdasOrDeclaredLater()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    var userTask = "in scope";
                    var user = {|#0:await|} users.GetUserAsync(id);
                    {|#1:var list = await orders.ListOrdersAsync(id);|}
                    System.Func<int, int> twice = listTask => listTask * 2;
                    var userTask2 = "declared later";
                    System.Console.WriteLine($"{userTask}{user}{list}{twice(1)}{userTask2}");
            """),
            InMethod("""

                    var userTask = "in scope";
                    var userTask3 = users.GetUserAsync(id);
                    var listTask2 = orders.ListOrdersAsync(id);
                    await Task.WhenAll(userTask3, listTask2);
                    var (user, list) = (await userTask3, await listTask2);
                    System.Func<int, int> twice = listTask => listTask * 2;
                    var userTask2 = "declared later";
                    System.Console.WriteLine($"{userTask}{user}{list}{twice(1)}{userTask2}");
            """));
    }

    [Fact]
    public async Task CommentsAndBlankLines_AreKept()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    System.Console.WriteLine("start");

                    // Load the user first
                    var user = {|#0:await|} users.GetUserAsync(id); // about 200 ms

                    /* then the orders */
                    {|#1:var list = await orders.ListOrdersAsync(
                        id);|} // about 300 ms

                    System.Console.WriteLine($"{user}{list}");
            """),
            InMethod("""

                    System.Console.WriteLine("start");

                    // Load the user first
                    var userTask = users.GetUserAsync(id); // about 200 ms

                    /* then the orders */
                    var listTask = orders.ListOrdersAsync(
                        id); // about 300 ms
                    await Task.WhenAll(userTask, listTask);
                    var (user, list) = (await userTask, await listTask);

                    System.Console.WriteLine($"{user}{list}");
            """));
    }

    [Fact]
    public async Task UsingDirective_IsAddedWhenTaskIsNotInScope()
    {
        const string services = """
        public class User { }
        public class Order { }
        public class Service
        {
            public System.Threading.Tasks.Task<User> GetUserAsync(int id) => Pending.Result(new User());
            public System.Threading.Tasks.Task<Order[]> ListOrdersAsync(int id) => Pending.Result(new Order[0]);
        }
        public class Caller
        {
            public async System.Threading.Tasks.Task RunAsync(Service users, Service orders, int id)
            {
        """;
        await VerifyFixAsync(
            Expect.Group(0, 1),
            services + UserAndList + """

                }
            }

            """,
            "using System.Threading.Tasks;\n\n" + services + UserAndListFixed + """

                }
            }

            """);
    }

    [Fact]
    public async Task FixAll_AddsTheUsingDirectiveOnce()
    {
        const string services = """
        public class Service
        {
            public System.Threading.Tasks.Task<int> CountAsync(int id) => Pending.Result(id);
        }
        public class Caller
        {
        """;
        var test = Verify.Create(
            services + """

                public async System.Threading.Tasks.Task<int> FirstAsync(Service users, int id)
                {
                    var a = {|#0:await|} users.CountAsync(id);
                    {|#1:var b = await users.CountAsync(id + 1);|}
                    return a + b;
                }

                public async System.Threading.Tasks.Task<int> SecondAsync(Service users, int id)
                {
                    var c = {|#2:await|} users.CountAsync(id);
                    {|#3:var d = await users.CountAsync(id + 1);|}
                    return c + d;
                }
            }

            """,
            "using System.Threading.Tasks;\n\n" + services + """

                public async System.Threading.Tasks.Task<int> FirstAsync(Service users, int id)
                {
                    var aTask = users.CountAsync(id);
                    var bTask = users.CountAsync(id + 1);
                    await Task.WhenAll(aTask, bTask);
                    var (a, b) = (await aTask, await bTask);
                    return a + b;
                }

                public async System.Threading.Tasks.Task<int> SecondAsync(Service users, int id)
                {
                    var cTask = users.CountAsync(id);
                    var dTask = users.CountAsync(id + 1);
                    await Task.WhenAll(cTask, dTask);
                    var (c, d) = (await cTask, await dTask);
                    return c + d;
                }
            }

            """);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        test.ExpectedDiagnostics.Add(Expect.Group(2, 3));
        await test.RunAsync();
    }

    [Fact]
    public async Task UsingDirective_IsNotAddedWhenAGlobalUsingBringsTask()
    {
        const string before = """
        public class User { }
        public class Order { }
        public class Service
        {
            public Task<User> GetUserAsync(int id) => Pending.Result(new User());
            public Task<Order[]> ListOrdersAsync(int id) => Pending.Result(new Order[0]);
        }
        public class Caller
        {
            public async Task RunAsync(Service users, Service orders, int id)
            {
        """;
        var test = Verify.Create(
            before + UserAndList + """

                }
            }

            """,
            before + UserAndListFixed + """

                }
            }

            """);
        const string globalUsings = "global using System.Threading.Tasks;\n";
        test.TestState.Sources.Add(("/0/GlobalUsings.cs", globalUsings));
        test.FixedState.Sources.Add(("/0/GlobalUsings.cs", globalUsings));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task TaskIsQualified_WhenAnotherTypeNamedTaskIsInScope()
    {
        const string before = """
        using System.Threading.Tasks;

        namespace Shop
        {
            public class Task { }
            public class User { }
            public class Service
            {
                public Task<User> GetUserAsync(int id) => Pending.Result(new User());
                public Task<int> CountAsync(int id) => Pending.Result(id);
            }
            public class Caller
            {
                public async System.Threading.Tasks.Task RunAsync(Service users, Service orders, int id)
                {
        """;
        await VerifyFixAsync(
            Expect.Group(0, 1),
            before + """

                        var user = {|#0:await|} users.GetUserAsync(id);
                        {|#1:var count = await orders.CountAsync(id);|}
                        System.Console.WriteLine($"{user}{count}");
                    }
                }
            }

            """,
            before + """

                        var userTask = users.GetUserAsync(id);
                        var countTask = orders.CountAsync(id);
                        await global::System.Threading.Tasks.Task.WhenAll(userTask, countTask);
                        var (user, count) = (await userTask, await countTask);
                        System.Console.WriteLine($"{user}{count}");
                    }
                }
            }

            """);
    }

    [Fact]
    public async Task TopLevelStatements_AreRewrittenInPlace()
    {
        var test = Verify.Create(
            """
            using System.Threading.Tasks;

            var users = new Service();
            var orders = new Service();
            var user = {|#0:await|} users.GetUserAsync(1);
            {|#1:var list = await orders.ListOrdersAsync(2);|}
            System.Console.WriteLine($"{user}{list}");

            """ + Services,
            """
            using System.Threading.Tasks;

            var users = new Service();
            var orders = new Service();
            var userTask = users.GetUserAsync(1);
            var listTask = orders.ListOrdersAsync(2);
            await Task.WhenAll(userTask, listTask);
            var (user, list) = (await userTask, await listTask);
            System.Console.WriteLine($"{user}{list}");

            """ + Services);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task LambdaBody_IsRewrittenAtItsIndentation()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    System.Func<Task> load = async () =>
                    {
                        var user = {|#0:await|} users.GetUserAsync(id);
                        {|#1:var list = await orders.ListOrdersAsync(id);|}
                        System.Console.WriteLine($"{user}{list}");
                    };
                    await load();
            """),
            InMethod("""

                    System.Func<Task> load = async () =>
                    {
                        var userTask = users.GetUserAsync(id);
                        var listTask = orders.ListOrdersAsync(id);
                        await Task.WhenAll(userTask, listTask);
                        var (user, list) = (await userTask, await listTask);
                        System.Console.WriteLine($"{user}{list}");
                    };
                    await load();
            """));
    }

    [Fact]
    public async Task LocalFunctionInCatchBlock_IsRewrittenInPlace()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    try
                    {
                        await users.SendAsync("a");
                    }
                    catch (System.Exception)
                    {
                        async Task RecoverAsync()
                        {
                            var user = {|#0:await|} users.GetUserAsync(id);
                            {|#1:var list = await orders.ListOrdersAsync(id);|}
                            System.Console.WriteLine($"{user}{list}");
                        }

                        await RecoverAsync();
                    }
            """),
            InMethod("""

                    try
                    {
                        await users.SendAsync("a");
                    }
                    catch (System.Exception)
                    {
                        async Task RecoverAsync()
                        {
                            var userTask = users.GetUserAsync(id);
                            var listTask = orders.ListOrdersAsync(id);
                            await Task.WhenAll(userTask, listTask);
                            var (user, list) = (await userTask, await listTask);
                            System.Console.WriteLine($"{user}{list}");
                        }

                        await RecoverAsync();
                    }
            """));
    }

    [Fact]
    public async Task SwitchSection_IsRewrittenInPlace()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    switch (id)
                    {
                        case 1:
                            var user = {|#0:await|} users.GetUserAsync(id);
                            {|#1:var list = await orders.ListOrdersAsync(id);|}
                            System.Console.WriteLine($"{user}{list}");
                            break;
                    }
            """),
            InMethod("""

                    switch (id)
                    {
                        case 1:
                            var userTask = users.GetUserAsync(id);
                            var listTask = orders.ListOrdersAsync(id);
                            await Task.WhenAll(userTask, listTask);
                            var (user, list) = (await userTask, await listTask);
                            System.Console.WriteLine($"{user}{list}");
                            break;
                    }
            """));
    }

    [Fact]
    public async Task LongResultLine_PutsOneResultPerLine()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1, 2),
            InMethod("""

                    var user = {|#0:await|} users.GetUserAsync(id).ConfigureAwait(false);
                    {|#1:var list = await orders.ListOrdersAsync(id).ConfigureAwait(false);|}
                    {|#2:var count = await orders.CountAsync(id).ConfigureAwait(false);|}
                    System.Console.WriteLine($"{user}{list}{count}");
            """),
            InMethod("""

                    var userTask = users.GetUserAsync(id);
                    var listTask = orders.ListOrdersAsync(id);
                    var countTask = orders.CountAsync(id);
                    await Task.WhenAll(userTask, listTask, countTask).ConfigureAwait(false);
                    var (user, list, count) = (
                        await userTask.ConfigureAwait(false),
                        await listTask.ConfigureAwait(false),
                        await countTask.ConfigureAwait(false));
                    System.Console.WriteLine($"{user}{list}{count}");
            """));
    }

    [Fact]
    public async Task StatementsSharingALine_StartTheirTasksOnLinesOfTheirOwn()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    var user = {|#0:await|} users.GetUserAsync(id); {|#1:var list = await orders.ListOrdersAsync(id);|} System.Console.WriteLine($"{user}{list}");
            """),
            InMethod("""

                    var userTask = users.GetUserAsync(id);
                    var listTask = orders.ListOrdersAsync(id);
                    await Task.WhenAll(userTask, listTask);
                    var (user, list) = (await userTask, await listTask); System.Console.WriteLine($"{user}{list}");
            """));
    }

    [Fact]
    public async Task TabsAndCarriageReturns_AreTheDocuments()
    {
        static string Tabbed(string body) => InMethod(body).Replace("    ", "\t").Replace("\n", "\r\n");
        await VerifyFixAsync(
            Expect.Group(0, 1),
            Tabbed(UserAndList),
            Tabbed(UserAndListFixed));
    }

    [Fact]
    public async Task ServiceMethod_ReadsLikeHandWrittenCode()
    {
        const string header = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        public record Customer(int Id);
        public record Invoice(int Id);
        public record Address(string Street);
        public record Dashboard(Customer Customer, IReadOnlyList<Invoice> Invoices, Address? Address, int Points);
        public interface ICustomers { Task<Customer> GetCustomerAsync(int id, CancellationToken ct); }
        public interface IBilling { Task<IReadOnlyList<Invoice>> GetInvoicesAsync(int customerId, CancellationToken ct); }
        public interface IAddresses { ValueTask<Address?> FindAddressAsync(int customerId, CancellationToken ct); }
        public interface ILoyalty { Task<int> GetPointsAsync(int customerId, CancellationToken ct); }
        public sealed class Remote(System.Net.Http.HttpClient http) : ICustomers, IBilling, IAddresses, ILoyalty
        {
            public async Task<Customer> GetCustomerAsync(int id, CancellationToken ct) => new(int.Parse(await http.GetStringAsync("c/" + id, ct)));
            public async Task<IReadOnlyList<Invoice>> GetInvoicesAsync(int customerId, CancellationToken ct) => new[] { new Invoice(int.Parse(await http.GetStringAsync("i/" + customerId, ct))) };
            public async ValueTask<Address?> FindAddressAsync(int customerId, CancellationToken ct) => new(await http.GetStringAsync("a/" + customerId, ct));
            public async Task<int> GetPointsAsync(int customerId, CancellationToken ct) => int.Parse(await http.GetStringAsync("p/" + customerId, ct));
        }

        public sealed class DashboardService(ICustomers customers, IBilling billing, IAddresses addresses, ILoyalty loyalty)
        {
            public async Task<Dashboard> LoadAsync(int customerId, CancellationToken cancellationToken)
            {
        """;
        const string footer = """


                return new Dashboard(customer, invoices, address, points);
            }
        }

        """;
        await VerifyFixAsync(
            Expect.Group(0, 1, 2, 3),
            header + """

                    // The customer record is the slow one (~250 ms).
                    var customer = {|#0:await|} customers.GetCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
                    {|#1:IReadOnlyList<Invoice> invoices = await billing.GetInvoicesAsync(customerId, cancellationToken).ConfigureAwait(false);|} // paged

                    // The address is optional.
                    {|#2:var address = await addresses.FindAddressAsync(customerId, cancellationToken).ConfigureAwait(false);|}
                    {|#3:var points = await loyalty.GetPointsAsync(
                        customerId,
                        cancellationToken).ConfigureAwait(false);|}
            """ + footer,
            header + """

                    // The customer record is the slow one (~250 ms).
                    var customerTask = customers.GetCustomerAsync(customerId, cancellationToken);
                    var invoicesTask = billing.GetInvoicesAsync(customerId, cancellationToken); // paged

                    // The address is optional.
                    var addressTask = addresses.FindAddressAsync(customerId, cancellationToken).AsTask();
                    var pointsTask = loyalty.GetPointsAsync(
                        customerId,
                        cancellationToken);
                    await Task.WhenAll(customerTask, invoicesTask, addressTask, pointsTask).ConfigureAwait(false);
                    var customer = await customerTask.ConfigureAwait(false);
                    IReadOnlyList<Invoice> invoices = await invoicesTask.ConfigureAwait(false);
                    var address = await addressTask.ConfigureAwait(false);
                    var points = await pointsTask.ConfigureAwait(false);
            """ + footer);
    }

    [Fact]
    public async Task ArrayAction_ReadsEachResultFromTheArray()
    {
        var test = Verify.Create(
            InMethod("""

                    var a = {|#0:await|} users.CountAsync(id);
                    {|#1:long b = await orders.CountAsync(id);|}
                    System.Console.WriteLine(a + b);
            """),
            InMethod("""

                    var results = await Task.WhenAll(users.CountAsync(id), orders.CountAsync(id));
                    var a = results[0];
                    long b = results[1];
                    System.Console.WriteLine(a + b);
            """),
            codeActionIndex: 1);
        test.CodeActionEquivalenceKey = IndependentAwaitsFixer.ArrayKey;
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ArrayAction_KeepsAssignmentsConfigureAwaitAndConvertsValueTasks()
    {
        await VerifyFixAsync(
            Expect.Group(0, 1),
            InMethod("""

                    int score;
                    // both counts
                    var count = {|#0:await|} users.CountAsync(id).ConfigureAwait(false);
                    {|#1:score = await orders.GetScoreAsync(id).ConfigureAwait(false);|} // cached
                    System.Console.WriteLine(count + score);
            """),
            InMethod("""

                    int score;
                    // both counts
                    var results = await Task.WhenAll(users.CountAsync(id), orders.GetScoreAsync(id).AsTask()).ConfigureAwait(false);
                    var count = results[0];
                    score = results[1]; // cached
                    System.Console.WriteLine(count + score);
            """),
            codeActionIndex: 1);
    }

    [Fact]
    public async Task ArrayAction_IsOfferedOnlyWhenAllResultsShareOneType()
    {
        var sameType = await OfferedActionsAsync(InMethod("""

                var a = await users.CountAsync(id);
                var b = await orders.GetScoreAsync(id);
                System.Console.WriteLine(a + b);
        """));
        var differentTypes = await OfferedActionsAsync(InMethod("""

                var user = await users.GetUserAsync(id);
                var count = await orders.CountAsync(id);
                System.Console.WriteLine($"{user}{count}");
        """));

        Assert.Equal(new[] { IndependentAwaitsFixer.TupleKey, IndependentAwaitsFixer.ArrayKey }, sameType);
        Assert.Equal(new[] { IndependentAwaitsFixer.TupleKey }, differentTypes);
    }

    [Fact]
    public async Task ArrayAction_IsNotOfferedBesideCommands()
    {
        var offered = await OfferedActionsAsync(
            InMethod("""

                    var a = await users.CountAsync(id);
                    await orders.CountAsync(id);
                    System.Console.WriteLine(a);
            """),
            IncludeCommands);

        Assert.Equal(new[] { IndependentAwaitsFixer.TupleKey }, offered);
    }

    [Fact]
    public async Task FixAll_RewritesEveryGroupOfTheDocumentIncludingAdjacentOnes()
    {
        var test = Verify.Create(
            InMethod("""

                    var user = {|#0:await|} users.GetUserAsync(id);
                    {|#1:var list = await orders.ListOrdersAsync(id);|}
                    var count = {|#2:await|} orders.CountAsync(user);
                    {|#3:_user = await users.GetUserAsync(id);|}
                    System.Console.WriteLine($"{list}{count}");
                }

                public async Task OtherAsync(Service users, int id)
                {
                    var a = {|#4:await|} users.CountAsync(id);
                    {|#5:var b = await users.CountAsync(id + 1);|}
                    System.Console.WriteLine(a + b);
            """),
            InMethod("""

                    var userTask = users.GetUserAsync(id);
                    var listTask = orders.ListOrdersAsync(id);
                    await Task.WhenAll(userTask, listTask);
                    var (user, list) = (await userTask, await listTask);
                    var countTask = orders.CountAsync(user);
                    var userTask2 = users.GetUserAsync(id);
                    await Task.WhenAll(countTask, userTask2);
                    (var count, _user) = (await countTask, await userTask2);
                    System.Console.WriteLine($"{list}{count}");
                }

                public async Task OtherAsync(Service users, int id)
                {
                    var aTask = users.CountAsync(id);
                    var bTask = users.CountAsync(id + 1);
                    await Task.WhenAll(aTask, bTask);
                    var (a, b) = (await aTask, await bTask);
                    System.Console.WriteLine(a + b);
            """));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        test.ExpectedDiagnostics.Add(Expect.Group(2, 3));
        test.ExpectedDiagnostics.Add(Expect.Group(4, 5));
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_RewritesGroupsInEveryDocumentOfTheProject()
    {
        var test = Verify.Create(
            InMethod(UserAndList),
            InMethod(UserAndListFixed));
        test.TestState.Sources.Add(("/0/Other.cs", OtherCaller("""

                var a = {|#2:await|} users.CountAsync(id);
                {|#3:var b = await users.GetScoreAsync(id);|}
                return a + b;
        """)));
        test.FixedState.Sources.Add(("/0/Other.cs", OtherCaller("""

                var aTask = users.CountAsync(id);
                var bTask = users.GetScoreAsync(id).AsTask();
                await Task.WhenAll(aTask, bTask);
                var (a, b) = (await aTask, await bTask);
                return a + b;
        """)));
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        test.ExpectedDiagnostics.Add(Expect.Group(2, 3));
        await test.RunAsync();
    }

    private static string OtherCaller(string body) => $$"""
        using System.Threading.Tasks;

        public class OtherCaller
        {
            public async Task<int> SumAsync(Service users, int id)
            {{{body}}
            }
        }

        """;

    /// <summary>The fix of the one group <paramref name="group"/> marks turns <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    private static async Task VerifyFixAsync(DiagnosticResult group, string source, string fixedSource, string? editorConfig = null, int codeActionIndex = 0)
    {
        var test = Verify.Create(source, fixedSource, editorConfig, codeActionIndex);
        test.ExpectedDiagnostics.Add(group);
        await test.RunAsync();
    }

    /// <summary>The equivalence keys of the actions the fixer offers for the AWAIT001 diagnostic of <paramref name="source"/>.</summary>
    private static async Task<string[]> OfferedActionsAsync(string source, string? editorConfig = null)
    {
        var references = await References.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        if (editorConfig is not null)
        {
            project = project.AddAnalyzerConfigDocument(".editorconfig", Microsoft.CodeAnalysis.Text.SourceText.From("root = true\n\n[*.cs]\n" + editorConfig), filePath: "/.editorconfig").Project;
        }

        project = project.AddDocument("Pending.cs", PendingSource.Text(), filePath: PendingSource.Path).Project;
        var document = project.AddDocument("Test.cs", source, filePath: "/Test.cs");
        var compilation = await document.Project.GetCompilationAsync();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new IndependentAwaitsAnalyzer());
        var diagnostics = await compilation!.WithAnalyzers(analyzers, document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new IndependentAwaitsFixer().RegisterCodeFixesAsync(context);
        return actions.Select(a => a.EquivalenceKey!).ToArray();
    }
}
