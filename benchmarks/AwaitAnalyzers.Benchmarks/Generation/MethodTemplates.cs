using System;
using System.Collections.Generic;
using System.Linq;

namespace AwaitAnalyzers.Benchmarks.Generation;

/// <summary>What the rules should say of a generated method: the precision the analyzers are built for.</summary>
internal enum Expectation
{
    Silent,
    Await001,
    Await002,
}

/// <summary>A method shape of the generated services and workers, drawn with a weight.</summary>
internal sealed record MethodTemplate(string Name, double Weight, bool IsAsync, Expectation Expectation, Func<Module, int, Random, string> Write);

/// <summary>
/// The method shapes real services are made of: fan-out queries (AWAIT001), loops over items (AWAIT002), and the many
/// shapes that must stay silent — dependent chains, one scoped DbContext behind two repositories, commands,
/// early exits, accumulators, paging and polling loops — plus sync helpers and pass-throughs.
/// </summary>
internal static class MethodTemplates
{
    /// <summary>Queries the fan-out methods pick from: each names a result, its awaited call and a value to print.</summary>
    private static readonly (string Result, string Dependency, string Call)[] FanOutQueries =
    {
        ("details", "client", "GetDetailsAsync(id, ct)"),
        ("stats", "client", "GetStatsAsync(id, ct)"),
        ("related", "client", "GetRelatedIdsAsync(id, ct)"),
        ("otherDetails", "otherClient", "GetDetailsAsync(id, ct)"),
        ("otherStats", "otherClient", "GetStatsAsync(id, ct)"),
    };

    public static readonly MethodTemplate[] Service =
    {
        new("fan-out queries", 3, true, Expectation.Await001, (m, k, r) => FanOut(m, k, r, "GetOverview", configureAwait: false)),
        new("fan-out queries, ConfigureAwait(false)", 1, true, Expectation.Await001, (m, k, r) => FanOut(m, k, r, "LoadOverview", configureAwait: true)),
        new("dependent chain", 3, true, Expectation.Silent, DependentChain),
        new("two repositories, one DbContext", 2, true, Expectation.Silent, SharedContext),
        new("two commands", 1.5, true, Expectation.Silent, CommandPair),
        new("one await", 5, true, Expectation.Silent, SingleAwait),
        new("fan-out in try/catch", 1, true, Expectation.Await001, TryCatch),
        new("fan-out in a retried lambda", 1, false, Expectation.Await001, LambdaRetry),
        new("ValueTask pair", 1, true, Expectation.Await001, ValueTaskPair),
        new("assignments", 1, true, Expectation.Await001, Assignments),
        new("fan-out in a switch section", 0.5, true, Expectation.Await001, SwitchSection),
        new("fan-out in a using block", 0.5, true, Expectation.Await001, UsingScope),
        new("read after write", 2, true, Expectation.Silent, ReadAfterWrite),
        new("return await", 2, true, Expectation.Silent, ReturnAwait),
        new("blocking legacy call", 0.3, true, Expectation.Silent, BlockingLegacy),
        new("pass-through", 2, false, Expectation.Silent, PassThrough),
        new("sync LINQ helper", 2, false, Expectation.Silent, SyncHelper),
        new("loop accumulating results", 1, true, Expectation.Await002, LoopAccumulate),
        new("loop of commands", 1, true, Expectation.Await002, LoopCommand),
        new("loop with early exit", 1, true, Expectation.Silent, LoopEarlyExit),
        new("loop summing into a local", 1, true, Expectation.Silent, LoopTotal),
        new("paging loop", 0.5, true, Expectation.Silent, PagingLoop),
    };

    public static readonly MethodTemplate[] Worker =
    {
        new("loop accumulating results", 2, true, Expectation.Await002, LoopAccumulate),
        new("loop of commands", 2, true, Expectation.Await002, LoopCommand),
        new("loop building a message", 1.5, true, Expectation.Await002, LoopPublish),
        new("counting for loop", 1.5, true, Expectation.Await002, ForIndex),
        new("loop with early exit", 1.5, true, Expectation.Silent, LoopEarlyExit),
        new("loop summing into a local", 1.5, true, Expectation.Silent, LoopTotal),
        new("loop over one DbContext", 1.5, true, Expectation.Silent, LoopSharedContext),
        new("throttled loop", 1, true, Expectation.Silent, ThrottledLoop),
        new("paging loop", 1, true, Expectation.Silent, PagingLoop),
        new("polling loop", 1, true, Expectation.Silent, PollingLoop),
        new("one await", 1, true, Expectation.Silent, SingleAwait),
        new("sync LINQ helper", 1, false, Expectation.Silent, SyncHelper),
    };

    public static MethodTemplate Draw(MethodTemplate[] pool, Random random)
    {
        var total = pool.Sum(t => t.Weight);
        var point = random.NextDouble() * total;
        foreach (var template in pool)
        {
            point -= template.Weight;
            if (point < 0)
            {
                return template;
            }
        }

        return pool[^1];
    }

    /// <summary>Two to four independent queries on HTTP clients, results all used: the shape of docs/design.md §1.</summary>
    public static string FanOut(Module m, int k, Random random, string name, bool configureAwait)
    {
        var count = 2 + random.Next(3);
        var picked = FanOutQueries.OrderBy(_ => random.Next()).Take(count).ToList();
        var configure = configureAwait ? ".ConfigureAwait(false)" : string.Empty;
        var lines = string.Join("\n", picked.Select(q => $"        var {q.Result} = await {m.Dependency(q.Dependency)}.{q.Call}{configure};"));
        var values = string.Join(", ", picked.Select(q => q.Result));
        return $$"""
                public async Task<string> {{name}}{{k}}Async(int id, CancellationToken ct)
                {
            {{lines}}
                    return string.Join(" | ", new object[] { {{values}} });
                }
            """;
    }

    private static string DependentChain(Module m, int k, Random random) => $$"""
                public async Task<string> Describe{{k}}Async(int id, CancellationToken ct)
                {
                    var entity = await {{m.Dependency("repository")}}.GetRequiredAsync(id, ct);
                    var details = await {{m.Dependency("otherClient")}}.GetDetailsAsync(entity.OwnerId, ct);
                    return $"{entity.Name}: {details.Description}";
                }
            """;

    private static string SharedContext(Module m, int k, Random random) => $$"""
                public async Task<int> CountForOwner{{k}}Async(int ownerId, CancellationToken ct)
                {
                    var mine = await {{m.Dependency("repository")}}.CountByOwnerAsync(ownerId, ct);
                    var theirs = await {{m.Dependency("otherRepository")}}.CountByOwnerAsync(ownerId, ct);
                    return mine + theirs;
                }
            """;

    private static string CommandPair(Module m, int k, Random random) => $$"""
                public async Task Refresh{{k}}Async(int id, CancellationToken ct)
                {
                    await {{m.Dependency("client")}}.RefreshAsync(id, ct);
                    await {{m.Dependency("otherClient")}}.RefreshAsync(id, ct);
                    {{m.Dependency("logger")}}.LogInformation("Refreshed {Id}", id);
                }
            """;

    private static string SingleAwait(Module m, int k, Random random) => $$"""
                public async Task<bool> IsPopular{{k}}Async(int id, CancellationToken ct)
                {
                    var details = await {{m.Dependency("client")}}.GetDetailsAsync(id, ct);
                    return details.Rating >= {{3 + (k % 3)}};
                }
            """;

    private static string TryCatch(Module m, int k, Random random) => $$"""
                public async Task<string?> TryGetOverview{{k}}Async(int id, CancellationToken ct)
                {
                    try
                    {
                        var details = await {{m.Dependency("client")}}.GetDetailsAsync(id, ct);
                        var otherStats = await {{m.Dependency("otherClient")}}.GetStatsAsync(id, ct);
                        return $"{details.Description} ({otherStats.Count})";
                    }
                    catch (HttpRequestException ex)
                    {
                        {{m.Dependency("logger")}}.LogWarning(ex, "Overview of {Id} failed", id);
                        return null;
                    }
                }
            """;

    private static string LambdaRetry(Module m, int k, Random random) => $$"""
                public Task<int> CountRelated{{k}}Async(int id, CancellationToken ct)
                    => Retry.ExecuteAsync(async () =>
                    {
                        var stats = await {{m.Dependency("client")}}.GetStatsAsync(id, ct);
                        var otherStats = await {{m.Dependency("otherClient")}}.GetStatsAsync(id, ct);
                        return stats.Count + otherStats.Count;
                    }, attempts: 3);
            """;

    private static string ValueTaskPair(Module m, int k, Random random) => $$"""
                public async Task<int> CombinedRating{{k}}Async(int id, CancellationToken ct)
                {
                    var rating = await {{m.Dependency("client")}}.GetRatingAsync(id, ct);
                    var otherRating = await {{m.Dependency("otherClient")}}.GetRatingAsync(id, ct);
                    return (rating + otherRating) / 2;
                }
            """;

    private static string Assignments(Module m, int k, Random random) => $$"""
                public async Task<string> Compare{{k}}Async(int id, CancellationToken ct)
                {
                    {{m.Entity}}Details details;
                    {{m.OtherEntity}}Details otherDetails;
                    details = await {{m.Dependency("client")}}.GetDetailsAsync(id, ct);
                    otherDetails = await {{m.Dependency("otherClient")}}.GetDetailsAsync(id, ct);
                    return details.Rating > otherDetails.Rating ? details.Description : otherDetails.Description;
                }
            """;

    private static string SwitchSection(Module m, int k, Random random) => $$"""
                public async Task<string> Lookup{{k}}Async(int id, int kind, CancellationToken ct)
                {
                    switch (kind)
                    {
                        case 0:
                            var details = await {{m.Dependency("client")}}.GetDetailsAsync(id, ct);
                            var otherDetails = await {{m.Dependency("otherClient")}}.GetDetailsAsync(id, ct);
                            return details.Description + otherDetails.Description;
                        case 1:
                            var stats = await {{m.Dependency("client")}}.GetStatsAsync(id, ct);
                            return stats.Count.ToString(CultureInfo.InvariantCulture);
                        default:
                            return string.Empty;
                    }
                }
            """;

    private static string UsingScope(Module m, int k, Random random) => $$"""
                public async Task<decimal> Total{{k}}Async(int id, CancellationToken ct)
                {
                    using ({{m.Dependency("logger")}}.BeginScope("Total of {Id}", id))
                    {
                        var stats = await {{m.Dependency("client")}}.GetStatsAsync(id, ct);
                        var otherStats = await {{m.Dependency("otherClient")}}.GetStatsAsync(id, ct);
                        return stats.Total + otherStats.Total;
                    }
                }
            """;

    private static string ReadAfterWrite(Module m, int k, Random random) => $$"""
                public async Task<{{m.Entity}}Dto> Archive{{k}}Async(int id, CancellationToken ct)
                {
                    var entity = await {{m.Dependency("repository")}}.GetRequiredAsync(id, ct);
                    entity.IsArchived = true;
                    await {{m.Dependency("repository")}}.UpdateAsync(entity, ct);
                    var details = await {{m.Dependency("client")}}.GetDetailsAsync(id, ct);
                    {{m.Dependency("logger")}}.LogInformation("Archived {Name} rated {Rating}", entity.Name, details.Rating);
                    return entity.ToDto();
                }
            """;

    private static string ReturnAwait(Module m, int k, Random random) => $$"""
                public async Task<{{m.Entity}}Stats> GetStats{{k}}Async(int id, CancellationToken ct)
                {
                    return await {{m.Dependency("client")}}.GetStatsAsync(id, ct);
                }
            """;

    private static string BlockingLegacy(Module m, int k, Random random) => $$"""
                public async Task<int> LegacyCount{{k}}Async(int id, CancellationToken ct)
                {
                    var stats = {{m.Dependency("client")}}.GetStatsAsync(id, ct).Result;
                    await Task.Yield();
                    return stats.Count;
                }
            """;

    private static string PassThrough(Module m, int k, Random random) => $$"""
                public Task<{{m.Entity}}Details> GetDetails{{k}}Async(int id, CancellationToken ct) => {{m.Dependency("client")}}.GetDetailsAsync(id, ct);
            """;

    private static string SyncHelper(Module m, int k, Random random) => $$"""
                public static IReadOnlyList<{{m.Entity}}Dto> TopByAmount{{k}}(IEnumerable<{{m.Entity}}> items, int count)
                    => items.Where(x => !x.IsArchived)
                        .OrderByDescending(x => x.Amount)
                        .ThenBy(x => x.Name, StringComparer.Ordinal)
                        .Take(count)
                        .Select(x => x.ToDto())
                        .ToList();
            """;

    private static string LoopAccumulate(Module m, int k, Random random) => $$"""
                public async Task<List<{{m.Entity}}Details>> LoadDetails{{k}}Async(IReadOnlyList<int> ids, CancellationToken ct)
                {
                    var results = new List<{{m.Entity}}Details>();
                    foreach (var id in ids)
                    {
                        results.Add(await {{m.Dependency("client")}}.GetDetailsAsync(id, ct));
                    }

                    return results;
                }
            """;

    private static string LoopCommand(Module m, int k, Random random) => $$"""
                public async Task RefreshAll{{k}}Async(IReadOnlyList<int> ids, CancellationToken ct)
                {
                    foreach (var id in ids)
                    {
                        await {{m.Dependency("client")}}.RefreshAsync(id, ct);
                    }
                }
            """;

    private static string LoopPublish(Module m, int k, Random random) => $$"""
                public async Task Announce{{k}}Async(IEnumerable<{{m.Entity}}Dto> items, CancellationToken ct)
                {
                    foreach (var item in items)
                    {
                        var message = new {{m.Entity}}Created(item.Id);
                        await {{m.Dependency("bus")}}.PublishAsync(message, ct);
                    }
                }
            """;

    private static string ForIndex(Module m, int k, Random random) => $$"""
                public async Task Publish{{k}}Async(IReadOnlyList<int> ids, CancellationToken ct)
                {
                    for (int i = 0; i < ids.Count; i++)
                    {
                        await {{m.Dependency("bus")}}.PublishAsync(new {{m.Entity}}Created(ids[i]), ct);
                    }
                }
            """;

    private static string LoopEarlyExit(Module m, int k, Random random) => $$"""
                public async Task<{{m.Entity}}Details?> FindFirstPopular{{k}}Async(IReadOnlyList<int> ids, CancellationToken ct)
                {
                    foreach (var id in ids)
                    {
                        var details = await {{m.Dependency("client")}}.GetDetailsAsync(id, ct);
                        if (details.Rating > 4)
                        {
                            return details;
                        }
                    }

                    return null;
                }
            """;

    private static string LoopTotal(Module m, int k, Random random) => $$"""
                public async Task<int> CountAll{{k}}Async(IReadOnlyList<int> ids, CancellationToken ct)
                {
                    var total = 0;
                    foreach (var id in ids)
                    {
                        var stats = await {{m.Dependency("client")}}.GetStatsAsync(id, ct);
                        total += stats.Count;
                    }

                    return total;
                }
            """;

    private static string LoopSharedContext(Module m, int k, Random random) => $$"""
                public async Task Touch{{k}}Async(IReadOnlyList<int> ids, CancellationToken ct)
                {
                    foreach (var id in ids)
                    {
                        var entity = await {{m.Dependency("repository")}}.GetRequiredAsync(id, ct);
                        {{m.Dependency("logger")}}.LogDebug("Loaded {Name}", entity.Name);
                    }
                }
            """;

    private static string ThrottledLoop(Module m, int k, Random random) => $$"""
                public async Task RefreshSlowly{{k}}Async(IReadOnlyList<int> ids, CancellationToken ct)
                {
                    foreach (var id in ids)
                    {
                        await {{m.Dependency("client")}}.RefreshAsync(id, ct);
                        await Task.Delay(50, ct);
                    }
                }
            """;

    private static string PagingLoop(Module m, int k, Random random) => $$"""
                public async Task<List<{{m.Entity}}Dto>> ListAll{{k}}Async(CancellationToken ct)
                {
                    string? token = null;
                    var all = new List<{{m.Entity}}Dto>();
                    do
                    {
                        var page = await {{m.Dependency("repository")}}.ListPageAsync(token, ct);
                        all.AddRange(page.Items.Select(x => x.ToDto()));
                        token = page.ContinuationToken;
                    }
                    while (token is not null);

                    return all;
                }
            """;

    private static string PollingLoop(Module m, int k, Random random) => $$"""
                public async Task<{{m.Entity}}Stats> WaitForStats{{k}}Async(int id, CancellationToken ct)
                {
                    while (true)
                    {
                        var stats = await {{m.Dependency("client")}}.GetStatsAsync(id, ct);
                        if (stats.Count > 0)
                        {
                            return stats;
                        }

                        await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    }
                }
            """;

    public static IEnumerable<string> Names(MethodTemplate[] pool) => pool.Select(t => t.Name);
}
