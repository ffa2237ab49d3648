using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.2 (b), (c) and (d), §3.7: opaque types — unseen contents, service locators, unimplemented abstractions; ASP.NET Core is never opaque.</summary>
public partial class IndependenceModelTests
{
    [Fact]
    public async Task SameOpaqueInstanceTwice_IsSilent()
    {
        // (b): IMediator has no visible implementation; the handlers behind one instance may share a context.
        var services = await ReferenceAssembly.CompileAsync(MessagingLibrary);
        var test = Verify.Create("""
using System.Threading.Tasks;
public class Handler(Messaging.IMediator mediator)
{
    public async Task RunAsync()
    {
        var user = await mediator.GetAsync<string>(1);
        var orders = await mediator.GetAsync<string>(2);
    }
}

""");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task TwoOpaqueInstancesOfAnotherVendorWithoutDataAccess_AreReported()
    {
        // (d) is about the application's own abstractions: a library named apart from this project composes nothing of its.
        var services = await ReferenceAssembly.CompileAsync(MessagingLibrary);
        var test = Verify.Create("""
using System.Threading.Tasks;
public class Handler(Messaging.IMediator first, Messaging.IMediator second)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} first.GetAsync<string>(1);
        {|#1:var b = await second.GetAsync<string>(2);|}
    }
}

""");
        test.TestState.AdditionalReferences.Add(services);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task TwoOpaqueInstancesOfTheSameSolutionWithoutDataAccess_AreSilent()
    {
        // (d): an assembly named like this one (TestProject.Messaging beside TestProject) is the same application's, whose
        // unseen implementations may be handed one scoped context.
        var services = await ReferenceAssembly.CompileAsync(MessagingLibrary, name: "TestProject.Messaging");
        var test = Verify.Create("""
using System.Threading.Tasks;
public class Handler(Messaging.IMediator first, Messaging.IMediator second)
{
    public async Task RunAsync()
    {
        var a = await first.GetAsync<string>(1);
        var b = await second.GetAsync<string>(2);
    }
}

""");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task TwoSourceInterfacesWithoutImplementationOrDataAccess_AreSilent()
    {
        // (d): both repositories are implemented in a project this one does not reference; they may share one context.
        await Verify.Create("""
using System.Threading.Tasks;
public interface IUserRepository { Task<string> GetNameAsync(int id); }
public interface IOrderRepository { Task<int> CountAsync(int userId); }
public class Handler(IUserRepository users, IOrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var name = await users.GetNameAsync(id);
        var count = await orders.CountAsync(id);
    }
}

""").RunAsync();
    }

    [Fact]
    public async Task SourceInterfaceWithoutImplementationBesideSeenService_IsReported()
    {
        // Only one side is unseen: the weather client holds nothing the repository could share.
        var test = Verify.Create("""
using System.Net.Http;
using System.Threading.Tasks;

""" + WeatherClient + """
public interface IUserRepository { Task<string> GetNameAsync(int id); }
public class Handler(IUserRepository users, WeatherClient weather)
{
    public async Task RunAsync(int id)
    {
        var name = {|#0:await|} users.GetNameAsync(id);
        {|#1:var forecast = await weather.GetForecastAsync(id);|}
    }
}

""");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    private const string OpaqueBesidePlainService = """
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

""";

    [Fact]
    public async Task OpaqueRootWhenEntityFrameworkIsReferenced_IsSilent()
    {
        // (c): the gateway's unseen implementation may hold the scoped context.
        var gateway = await ReferenceAssembly.CompileAsync(PaymentsLibrary);
        var test = WithEntityFramework(Silent(OpaqueBesidePlainService));
        test.TestState.AdditionalReferences.Add(gateway);
        await test.RunAsync();
    }

    [Fact]
    public async Task OpaqueRootWithoutDataAccessAssembly_IsReported()
    {
        var gateway = await ReferenceAssembly.CompileAsync(PaymentsLibrary);
        var test = Verify.Create(OpaqueBesidePlainService);
        test.TestState.AdditionalReferences.Add(gateway);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task SourceInterfaceWithoutImplementation_IsOpaque()
    {
        // Implemented in a project that is not referenced here (an infrastructure layer): what it holds is unseen.
        await WithEntityFramework(EfModel + WeatherClient + """
public interface IUserRepository { Task<User> GetAsync(int id); }
public class Handler(IUserRepository users, WeatherClient weather)
{
    public async Task RunAsync(int id)
    {
        var user = await users.GetAsync(id);
        var forecast = await weather.GetForecastAsync(id);
    }
}

""").RunAsync();
    }

    [Fact]
    public async Task SourceServiceHoldingAnOpaqueService_IsOpaque()
    {
        // What the gateway holds is unseen, so what the facade holds is too: (c) applies with EF Core referenced.
        var gateway = await ReferenceAssembly.CompileAsync(PaymentsLibrary);
        var test = WithEntityFramework(EfModel + WeatherClient + """
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

""");
        test.TestState.AdditionalReferences.Add(gateway);
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedServiceLocator_IsOpaque()
    {
        // A mediator given an IServiceProvider can reach any service, the scoped context included.
        var services = await ReferenceAssembly.CompileAsync("""
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

""");
        var test = Verify.Create("""
using System.Threading.Tasks;
public class Handler(Messaging.ISender sender)
{
    public async Task RunAsync()
    {
        var a = await sender.GetAsync<int>(1);
        var b = await sender.GetAsync<int>(2);
    }
}

""");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task SourceServiceLocator_IsOpaque()
    {
        await Verify.VerifyAsync("""
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

""");
    }

    [Fact]
    public async Task AspNetCoreAbstractionWithoutVisibleImplementation_IsNotOpaque()
    {
        // ASP.NET Core keeps implementations such as the hosting environment internal; they hold nothing of the user's.
        var hosting = await ReferenceAssembly.CompileAsync("""
namespace Microsoft.AspNetCore.Hosting
{
    public interface IWebHostEnvironment { string EnvironmentName { get; } }
}

""");
        var test = WithEntityFramework(EfModel + OrderRepository + """
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

""");
        test.TestState.AdditionalReferences.Add(hosting);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }
}
