using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>docs/design.md §3.2, known safe: never a resource, never opaque.</summary>
public partial class IndependenceModelTests
{
    [Fact]
    public async Task RepositoryBesideHttpClientOnlyClient_IsReported()
    {
        var test = WithEntityFramework(EfModel + OrderRepository + WeatherClient + """
public class Handler(WeatherClient weather, OrderRepository orders)
{
    public async Task RunAsync(int id)
    {
        var forecast = {|#0:await|} weather.GetForecastAsync(id);
        {|#1:var list = await orders.ListAsync(id);|}
    }
}

""");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task OneHttpClientUsedTwice_IsReported()
    {
        var test = Verify.Create("""
using System.Net.Http;
using System.Threading.Tasks;
public class Handler(HttpClient http)
{
    public async Task RunAsync()
    {
        var a = {|#0:await|} http.GetStringAsync("/a");
        {|#1:var b = await http.GetStringAsync("/b");|}
    }
}

""");
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }
}
