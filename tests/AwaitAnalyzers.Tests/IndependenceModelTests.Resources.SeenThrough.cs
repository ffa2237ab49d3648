using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.2, seen through: a type from a referenced assembly is judged by what it shows.</summary>
public partial class IndependenceModelTests
{
    [Fact]
    public async Task ReferencedServiceWhoseImplementationTakesContext_IsSilent()
    {
        var services = await ReferenceAssembly.CompileAsync(ShopLibrary, References.Net80WithEntityFramework);
        var test = WithEntityFramework("""
using System.Threading.Tasks;
public class Handler(Shop.IUserService users, Shop.IOrderService orders)
{
    public async Task RunAsync(int id)
    {
        var name = await users.GetNameAsync(id);
        var count = await orders.CountAsync(id);
    }
}

""");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedServiceWhoseImplementationTakesOnlyHttpClient_IsReportedEvenWithEntityFramework()
    {
        var services = await ReferenceAssembly.CompileAsync(WeatherLibrary);
        var test = WithEntityFramework(EfModel + OrderRepository + """
public class Handler(Weather.IWeatherService weather, OrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var forecast = {|#0:await|} weather.GetForecastAsync(id);
        {|#1:var list = await orders.ListAsync(id);|}
    }
}

""");
        test.TestState.AdditionalReferences.Add(services);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedServiceWithNoVisibleImplementation_WithEntityFramework_IsSilent()
    {
        // The implementation is internal: a reference assembly does not show it.
        var services = await ReferenceAssembly.CompileAsync(BillingLibrary);
        var test = WithEntityFramework(EfModel + WeatherClient + """
public class Handler(Billing.IInvoiceService invoices, WeatherClient weather)
{
    public async Task RunAsync(int id)
    {
        var count = await invoices.CountAsync(id);
        var forecast = await weather.GetForecastAsync(id);
    }
}

""");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedClassHoldingConnectionByPublicConstructor_IsSilent()
    {
        // Without a data-access assembly only (a) can silence this: the class is seen through, not opaque.
        var services = await ReferenceAssembly.CompileAsync("""
using System.Data.Common;
using System.Threading.Tasks;
namespace Reports
{
    public interface IReportStore { Task<int> CountAsync(int id); }
    public class ReportStore : IReportStore
    {
        public ReportStore(DbConnection connection) { }
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
    public class AuditLog
    {
        public AuditLog(DbConnection connection) { }
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
}

""");
        var test = Verify.Create("""
using System.Threading.Tasks;
public class Handler(Reports.IReportStore reports, Reports.AuditLog audit)
{
    public async Task RunAsync(int id)
    {
        var a = await reports.CountAsync(id);
        var b = await audit.CountAsync(id);
    }
}

""");
        test.TestState.AdditionalReferences.Add(services);
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedServicesHoldingNothing_AreReported()
    {
        var services = await ReferenceAssembly.CompileAsync("""
using System.Threading.Tasks;
namespace Reports
{
    public interface IReportStore { Task<int> CountAsync(int id); }
    public class ReportStore : IReportStore
    {
        public ReportStore(string connectionString) { }
        public Task<int> CountAsync(int id) => Pending.Result(0);
    }
}

""");
        var test = Verify.Create("""
using System.Threading.Tasks;
public class Handler(Reports.IReportStore first, Reports.IReportStore second)
{
    public async Task RunAsync(int id)
    {
        var a = {|#0:await|} first.CountAsync(id);
        {|#1:var b = await second.CountAsync(id);|}
    }
}

""");
        test.TestState.AdditionalReferences.Add(services);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ProjectReferenceInTheSameWorkspace_IsJudgedByItsPublicSurface()
    {
        // A project reference compiled in the IDE is not "declared in the compilation": its private fields are not
        // read, as the reference assembly of a build would not show them.
        var test = Verify.Create("""
using System.Threading.Tasks;
public class Handler(Library.Cache first, Library.Cache second)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} first.GetAsync(1);
        {|#1:var b = await second.GetAsync(2);|}
    }
}

""");
        var library = new ProjectState("Library", LanguageNames.CSharp, "/Library/Test", "cs");
        test.TestState.AdditionalProjects.Add("Library", library);
        test.TestState.AdditionalProjects["Library"].Sources.Add("""
using System.IO;
using System.Threading.Tasks;
namespace Library
{
    public class Cache
    {
        private readonly MemoryStream _buffer = new MemoryStream();
        public Task<int> GetAsync(int id) => Pending.Result(id);
    }
}

""");
        test.TestState.AdditionalProjects["Library"].Sources.Add((PendingSource.Path, PendingSource.Text("internal")));
        test.TestState.AdditionalProjectReferences.Add("Library");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }
}
