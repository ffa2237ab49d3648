using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// Code being typed is incomplete: both analyzers run on hundreds of broken versions of one realistic file (cut short at
/// many points, or missing one token) and must never throw — an exception reaches every user as AD0001.
/// </summary>
public class RobustnessTests
{
    private const string Source = @"
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

public record User(int Id);
public interface IUsers { Task<User> GetAsync(int id, CancellationToken ct = default); ValueTask<int> CountAsync(); }
public sealed class HttpUsers(System.Net.Http.HttpClient http) : IUsers
{
    public async Task<User> GetAsync(int id, CancellationToken ct = default) => new User((await http.GetStringAsync(""/users/"" + id, ct)).Length);
    public ValueTask<int> CountAsync() => new ValueTask<int>(1);
}
public sealed class Repository(Stream stream) { public Task<int> ReadAsync(int id) => stream.ReadAsync(new byte[id], 0, id); }
public class Service(IUsers users, Repository repository, TextWriter log)
{
    private string _token = """";
    public string Name { get; set; } = """";

    public async Task<int> RunAsync(int[] ids, CancellationToken ct)
    {
        var user = await users.GetAsync(1, ct).ConfigureAwait(false);
        User other = await users.GetAsync(2, ct).ConfigureAwait(false);
        _token = await Task.Run(() => ""t"");
        Name = await Task.Run(() => _token);
        var total = 0;
        foreach (var id in ids)
        {
            var found = await users.GetAsync(id, ct);
            total += found.Id;
        }

        var list = new List<User>();
        foreach (var id in ids)
            list.Add(await users.GetAsync(id, ct));
        for (int i = 0; i < ids.Length; i++)
            await log.WriteLineAsync(ids[i].ToString());
        Func<Task> later = async () => { var a = await users.CountAsync(); var b = await users.CountAsync(); };
        async Task LocalAsync() { await repository.ReadAsync(1); await repository.ReadAsync(2); }
        switch (total)
        {
            case 1:
                var x = await users.CountAsync();
                var y = await users.CountAsync();
                break;
        }

        return user.Id + other.Id + list.Count;
    }
}
";

    [Fact]
    public async Task TruncatedAndTokenDeletedSources_NeverThrow()
    {
        var references = await References.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var variants = Truncations(Source, step: 17).Concat(TokenDeletions(Source, step: 3)).ToList();
        Assert.True(variants.Count > 200, "too few variants to mean anything: " + variants.Count);

        var failures = new ConcurrentBag<string>();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new IndependentAwaitsAnalyzer(), new AwaitInLoopAnalyzer());
        foreach (var variant in variants)
        {
            var tree = CSharpSyntaxTree.ParseText(variant, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("Broken", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => failures.Add(analyzer.GetType().Name + ": " + exception.Message + "\n" + variant),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        Assert.True(failures.IsEmpty, string.Join("\n----\n", failures.Take(3)));
    }

    [Fact]
    public async Task TheUnbrokenSource_IsReported_SoTheVariantsExerciseTheRules()
    {
        var references = await References.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Whole", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new IndependentAwaitsAnalyzer(), new AwaitInLoopAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.IndependentAwaits);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.AwaitInLoop);
    }

    private static System.Collections.Generic.IEnumerable<string> Truncations(string source, int step)
    {
        for (var length = step; length < source.Length; length += step)
        {
            yield return source.Substring(0, length);
        }
    }

    private static System.Collections.Generic.IEnumerable<string> TokenDeletions(string source, int step)
    {
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToList();
        for (var i = 0; i < tokens.Count; i += step)
        {
            var span = tokens[i].Span;
            yield return source.Remove(span.Start, span.Length);
        }
    }
}
