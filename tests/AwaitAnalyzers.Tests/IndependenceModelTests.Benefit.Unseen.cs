using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;
using VerifyLoop = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.5 Benefit from what can be seen: the application's own code whose bodies are not in view (another
/// assembly of the solution) shows no wait — it may answer from memory (a cache, a registry); a library's call does.
/// </summary>
public partial class IndependenceModelTests
{
    /// <summary>A cache with a public implementation: seen through for what it holds, but its bodies are metadata.</summary>
    private const string CacheLibrary = """
using System.Threading.Tasks;
namespace Caching
{
    public interface ICache { Task ProbeAsync(string key); Task<string> GetAsync(string key); }
    public sealed class MemoryCache : ICache
    {
        public Task ProbeAsync(string key) => Task.CompletedTask;
        public Task<string> GetAsync(string key) => Task.FromResult(key);
    }
}

""";

    private const string Probes = """
using System.Collections.Generic;
using System.Threading.Tasks;
public class DefinitionCache(Caching.ICache cache)
{
    public async Task ProbeAsync(string id) => await cache.ProbeAsync("definition:" + id);
}
public class Handler(DefinitionCache definitions)
{
    public async Task HandleAsync(List<string> ids)
    {
        {|#0:foreach|} (var id in ids)
            {|#1:await definitions.ProbeAsync(id)|};
    }
}

""";

    [Fact]
    public async Task LoopReachingOnlyTheApplicationsUnseenCode_IsSilent()
    {
        // TestProject.Caching is the same application's: nothing in view says a probe waits on anything.
        var library = await ReferenceAssembly.CompileAsync(CacheLibrary, name: "TestProject.Caching");
        var test = VerifyLoop.Create(Silent(Probes));
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync();
    }

    [Fact]
    public async Task LoopReachingALibrarysCall_IsReported()
    {
        var library = await ReferenceAssembly.CompileAsync(CacheLibrary, name: "Vendor.Caching");
        var test = VerifyLoop.Create(Probes);
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task UnderAVendorsPrefix_TheApplicationIsNamedByTwoSegments()
    {
        // Microsoft.Crank.Bot and Microsoft.Caching are not one application: the prefix is the vendor's, not the product's.
        var library = await ReferenceAssembly.CompileAsync(CacheLibrary, name: "Microsoft.Caching");
        var test = VerifyLoop.Create(Probes);
        test.TestState.AdditionalReferences.Add(library);
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "Microsoft.Crank.Bot"));
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }

    private const string Lookups = """
using System.Net.Http;
using System.Threading.Tasks;
public class Settings(Caching.ICache cache)
{
    public async Task<string> GetThemeAsync() => await cache.GetAsync("theme");
    public async Task<string> GetLocaleAsync() => await cache.GetAsync("locale");
}
public class Remote(HttpClient http)
{
    public Task<string> GetForecastAsync() => http.GetStringAsync("/forecast");
}

""";

    [Fact]
    public async Task GroupOfTwoCallsIntoTheApplicationsUnseenCode_IsSilent()
    {
        var library = await ReferenceAssembly.CompileAsync(CacheLibrary, name: "TestProject.Caching");
        var test = Verify.Create(Lookups + """
public class Page(Settings first, Settings second)
{
    public async Task<string> RenderAsync()
    {
        var theme = await first.GetThemeAsync();
        var locale = await second.GetLocaleAsync();
        return theme + locale;
    }
}

""");
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync();
    }

    [Fact]
    public async Task GroupOfAnUnseenCallBesideALibrarysCall_IsReported()
    {
        // The remote call waits; the unseen one may, and holds nothing the other could share.
        var library = await ReferenceAssembly.CompileAsync(CacheLibrary, name: "TestProject.Caching");
        var test = Verify.Create(Lookups + """
public class Page(Settings settings, Remote remote)
{
    public async Task<string> RenderAsync()
    {
        var theme = {|#0:await|} settings.GetThemeAsync();
        {|#1:var forecast = await remote.GetForecastAsync();|}
        return theme + forecast;
    }
}

""");
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }

    /// <summary>A process helper in an assembly named after its command, not after the product.</summary>
    private static string ToolLibrary(string ns) => $$"""
using System.Threading.Tasks;
namespace {{ns}}
{
    public static class ProcessRunner
    {
        public static Task<int> RunAsync(string command, string directory) => Task.FromResult(command.Length + directory.Length);
    }
}

""";

    private static string BuildLoop(string usingNamespace) => $$"""
using System.Threading.Tasks;
using {{usingNamespace}};
namespace Acme.Bot
{
    public class Builder
    {
        public async Task BuildAsync(string[] commands, string folder)
        {
            {|#0:foreach|} (var command in commands)
            {
                {|#1:await ProcessRunner.RunAsync(command, folder)|};
            }
        }
    }
    public class Options { }
}

""";

    /// <param name="shared">The library also declares a type in the application's namespace (a result type shared by both).</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LoopReachingAnAssemblyInTheApplicationsNamespaces_IsSilent(bool shared)
    {
        // The assembly is "tool", the compilation "TestProject": only the namespaces (Acme.*) say they are one application.
        var library = await ReferenceAssembly.CompileAsync(
            ToolLibrary("Acme.Tools") + (shared ? "namespace Acme.Bot { public sealed class RunResult { } }\n" : string.Empty), name: "tool");
        var test = VerifyLoop.Create(Silent(BuildLoop("Acme.Tools")));
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync();
    }

    /// <param name="ns">A vendor's namespace, or the framework's one the application also puts an extension class in.</param>
    [Theory]
    [InlineData("Vendor.Tools", false)]
    [InlineData("Microsoft.Extensions.Tools", true)]
    public async Task LoopReachingAnAssemblyOfAnotherNamespace_IsReported(string ns, bool extensionInTheSameNamespace)
    {
        // The framework's assemblies are named after their namespaces.
        var library = await ReferenceAssembly.CompileAsync(ToolLibrary(ns), name: extensionInTheSameNamespace ? ns : "tool");
        var source = extensionInTheSameNamespace
            ? BuildLoop(ns).Replace("namespace Acme.Bot", "namespace " + ns)
            : BuildLoop(ns);
        var test = VerifyLoop.Create(source);
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        await test.RunAsync();
    }
}
