using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.AnalyzerVerifier<AwaitAnalyzers.Rules.IndependentAwaitsAnalyzer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.5, a library's asynchronous member of a value: an option type's <c>IfNoneAsync(fallback)</c>, given
/// nothing it could wait on (no delegate, no task, no cancellation token), answers from the value it holds. Given a
/// delegate, a task or a token, it may wait, and groups as before.
/// </summary>
public partial class IndependenceModelTests
{
    /// <summary>A functional library in its own assembly: an option struct with asynchronous accessors.</summary>
    private const string OptionLibrary = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        namespace Functional
        {
            public readonly struct Maybe<T>
            {
                private readonly T _value;
                private readonly bool _has;
                public Maybe(T value) { _value = value; _has = true; }
                public Task<T> ValueOrAsync(T fallback) => Task.FromResult(_has ? _value : fallback);
                public async Task<T> ValueOrWaitAsync(T fallback, CancellationToken token)
                {
                    await Task.Delay(1, token);
                    return _has ? _value : fallback;
                }
                public bool HasValue => _has;
                public T Value => _value;
            }
            public static class MaybeAsync
            {
                public static Task<T> IfNoneAsync<T>(this Maybe<T> maybe, T fallback)
                    => Task.FromResult(maybe.HasValue ? maybe.Value : fallback);
                public static async Task<T> IfNoneAsync<T>(this Maybe<T> maybe, Func<Task<T>> fallback)
                    => maybe.HasValue ? maybe.Value : await fallback();
                public static async Task<T> IfNoneAsync<T>(this Task<Maybe<T>> pending, T fallback)
                    => await (await pending).IfNoneAsync(fallback);
            }
        }
        """;

    private static Verify.Test WithOptionLibrary(string source)
    {
        var test = Verify.Create(source);
        test.TestState.AdditionalProjects.Add("Functional", new ProjectState("Functional", LanguageNames.CSharp, "/Functional/Test", "cs"));
        test.TestState.AdditionalProjects["Functional"].Sources.Add(OptionLibrary);
        test.TestState.AdditionalProjectReferences.Add("Functional");
        return test;
    }

    /// <param name="fallback">A fallback read from an option value, by an extension method or an instance method.</param>
    [Theory]
    [InlineData("display.IfNoneAsync(\"drm\")")]
    [InlineData("display.ValueOrAsync(\"drm\")")]
    public async Task Benefit_ALibraryMemberOfAValueGivenNothingToWaitOn_IsSilent(string fallback)
    {
        await WithOptionLibrary($$"""
            using System.Net.Http;
            using System.Threading.Tasks;
            using Functional;
            public class Probe(HttpClient http)
            {
                public async Task<string> RunAsync(Maybe<string> display, Maybe<string> driver)
                {
                    var name = await {{fallback}};
                    var other = await driver.IfNoneAsync(string.Empty);
                    var info = await http.GetStringAsync("/info");
                    return name + other + info;
                }
            }
            """).RunAsync();
    }

    /// <param name="fallback">The same members given a delegate, a token, or a pending task to wait on; a value task's own member.</param>
    [Theory]
    [InlineData("display.IfNoneAsync(() => http.GetStringAsync(\"/default\"))")]
    [InlineData("display.ValueOrWaitAsync(\"drm\", token)")]
    [InlineData("Pending.Result(display).IfNoneAsync(\"drm\")")]
    [InlineData("new ValueTask<string>(http.GetStringAsync(\"/default\")).AsTask()")]
    public async Task Benefit_ALibraryMemberOfAValueGivenSomethingToWaitOn_IsReported(string fallback)
    {
        var test = WithOptionLibrary($$"""
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Functional;
            public class Probe(HttpClient http)
            {
                public async Task<string> RunAsync(Maybe<string> display, CancellationToken token)
                {
                    var name = {|#0:await|} {{fallback}};
                    {|#1:var info = await http.GetStringAsync("/info");|}
                    return name + info;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Expect.Group(0, 1));
        await test.RunAsync();
    }
}
