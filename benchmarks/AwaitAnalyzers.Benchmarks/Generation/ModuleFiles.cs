using System;
using System.Text;

namespace AwaitAnalyzers.Benchmarks.Generation;

/// <summary>The six files of one module: models, repository (EF Core), HTTP client, service, controller and worker.</summary>
internal static class ModuleFiles
{
    public static string Models(Module m) => $$"""
        namespace {{m.Namespace}};

        public sealed class {{m.Entity}}
        {
            public int Id { get; set; }

            public int OwnerId { get; set; }

            public string Name { get; set; } = string.Empty;

            public decimal Amount { get; set; }

            public DateTime CreatedAt { get; set; }

            public bool IsArchived { get; set; }
        }

        public sealed record {{m.Entity}}Dto(int Id, string Name, decimal Amount);

        public sealed record {{m.Entity}}Details(int Id, string Description, int Rating);

        public sealed record {{m.Entity}}Stats(int Count, decimal Total);

        public sealed record {{m.Entity}}Summary({{m.Entity}}Dto? Item, {{m.Entity}}Details Details, {{m.Entity}}Stats Stats);

        public sealed record {{m.Entity}}Created(int Id);

        public static class {{m.Entity}}Mapping
        {
            public static {{m.Entity}}Dto ToDto(this {{m.Entity}} entity) => new(entity.Id, entity.Name, entity.Amount);

            public static string Label(this {{m.Entity}}Dto dto)
                => dto.Amount switch
                {
                    > 1000m => $"{dto.Name} (large)",
                    > 100m => $"{dto.Name} (medium)",
                    _ => dto.Name,
                };
        }
        """;

    public static string Repository(Module m) => $$"""
        using Contoso.Data;
        using Microsoft.EntityFrameworkCore;

        namespace {{m.Namespace}};

        public interface I{{m.Entity}}Repository
        {
            Task<{{m.Entity}}?> FindAsync(int id, CancellationToken ct);

            Task<{{m.Entity}}> GetRequiredAsync(int id, CancellationToken ct);

            Task<List<{{m.Entity}}>> ListByOwnerAsync(int ownerId, CancellationToken ct);

            Task<int> CountByOwnerAsync(int ownerId, CancellationToken ct);

            Task<{{m.Entity}}Stats> GetStatsAsync(int ownerId, CancellationToken ct);

            Task AddAsync({{m.Entity}} entity, CancellationToken ct);

            Task UpdateAsync({{m.Entity}} entity, CancellationToken ct);

            Task<int> ArchiveOlderThanAsync(DateTime cutoff, CancellationToken ct);

            Task<Page<{{m.Entity}}>> ListPageAsync(string? token, CancellationToken ct);

            Task<bool> ExistsAsync(int id, CancellationToken ct);
        }

        public sealed class {{m.Entity}}Repository : I{{m.Entity}}Repository
        {
            private readonly AppDbContext _db;

            public {{m.Entity}}Repository(AppDbContext db)
            {
                _db = db;
            }

            public async Task<{{m.Entity}}?> FindAsync(int id, CancellationToken ct)
                => await _db.{{m.Entity}}s.FirstOrDefaultAsync(x => x.Id == id, ct);

            public async Task<{{m.Entity}}> GetRequiredAsync(int id, CancellationToken ct)
            {
                var entity = await _db.{{m.Entity}}s.FirstOrDefaultAsync(x => x.Id == id, ct);
                return entity ?? throw new KeyNotFoundException($"{{m.Entity}} {id} was not found.");
            }

            public async Task<List<{{m.Entity}}>> ListByOwnerAsync(int ownerId, CancellationToken ct)
                => await _db.{{m.Entity}}s
                    .Where(x => x.OwnerId == ownerId && !x.IsArchived)
                    .OrderByDescending(x => x.CreatedAt)
                    .ToListAsync(ct);

            public async Task<int> CountByOwnerAsync(int ownerId, CancellationToken ct)
                => await _db.{{m.Entity}}s.CountAsync(x => x.OwnerId == ownerId, ct);

            public async Task<{{m.Entity}}Stats> GetStatsAsync(int ownerId, CancellationToken ct)
            {
                var count = await _db.{{m.Entity}}s.CountAsync(x => x.OwnerId == ownerId, ct);
                var total = await _db.{{m.Entity}}s.Where(x => x.OwnerId == ownerId).SumAsync(x => x.Amount, ct);
                return new {{m.Entity}}Stats(count, total);
            }

            public async Task AddAsync({{m.Entity}} entity, CancellationToken ct)
            {
                _db.{{m.Entity}}s.Add(entity);
                await _db.SaveChangesAsync(ct);
            }

            public async Task UpdateAsync({{m.Entity}} entity, CancellationToken ct)
            {
                _db.{{m.Entity}}s.Update(entity);
                await _db.SaveChangesAsync(ct);
            }

            public async Task<int> ArchiveOlderThanAsync(DateTime cutoff, CancellationToken ct)
            {
                var stale = await _db.{{m.Entity}}s.Where(x => x.CreatedAt < cutoff && !x.IsArchived).ToListAsync(ct);
                foreach (var item in stale)
                {
                    item.IsArchived = true;
                }

                await _db.SaveChangesAsync(ct);
                return stale.Count;
            }

            public async Task<Page<{{m.Entity}}>> ListPageAsync(string? token, CancellationToken ct)
            {
                var skip = int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
                var items = await _db.{{m.Entity}}s.OrderBy(x => x.Id).Skip(skip).Take(50).ToListAsync(ct);
                return new Page<{{m.Entity}}>(items, items.Count == 50 ? (skip + 50).ToString(CultureInfo.InvariantCulture) : null);
            }

            public async Task<bool> ExistsAsync(int id, CancellationToken ct)
                => await _db.{{m.Entity}}s.AnyAsync(x => x.Id == id, ct);
        }
        """;

    public static string Client(Module m) => $$"""
        using System.Text.Json;

        namespace {{m.Namespace}};

        public sealed class {{m.Entity}}Client
        {
            private readonly HttpClient _http;

            public {{m.Entity}}Client(HttpClient http)
            {
                _http = http;
            }

            public async Task<{{m.Entity}}Details> GetDetailsAsync(int id, CancellationToken ct)
            {
                using var response = await _http.GetAsync($"api/{{m.Route}}/{id}/details", ct);
                response.EnsureSuccessStatusCode();
                var json = await response.Content.ReadAsStringAsync(ct);
                return JsonSerializer.Deserialize<{{m.Entity}}Details>(json) ?? new {{m.Entity}}Details(id, string.Empty, 0);
            }

            public async Task<{{m.Entity}}Stats> GetStatsAsync(int id, CancellationToken ct)
            {
                var json = await _http.GetStringAsync($"api/{{m.Route}}/{id}/stats", ct);
                return JsonSerializer.Deserialize<{{m.Entity}}Stats>(json) ?? new {{m.Entity}}Stats(0, 0m);
            }

            public async Task<IReadOnlyList<int>> GetRelatedIdsAsync(int id, CancellationToken ct)
            {
                var json = await _http.GetStringAsync($"api/{{m.Route}}/{id}/related", ct);
                return JsonSerializer.Deserialize<int[]>(json) ?? Array.Empty<int>();
            }

            public async Task RefreshAsync(int id, CancellationToken ct)
            {
                using var response = await _http.PostAsync($"api/{{m.Route}}/{id}/refresh", null, ct);
                response.EnsureSuccessStatusCode();
            }

            public async Task<string> GetNameAsync(int id, CancellationToken ct)
                => (await GetDetailsAsync(id, ct)).Description;

            public async ValueTask<int> GetRatingAsync(int id, CancellationToken ct)
            {
                var details = await GetDetailsAsync(id, ct).ConfigureAwait(false);
                return details.Rating;
            }
        }
        """;

    /// <summary>The service: seven methods its controller calls, then <paramref name="drawn"/> methods drawn from <see cref="MethodTemplates.Service"/>.</summary>
    public static string Service(Module m, Random random, int drawn, Census census)
    {
        var body = new StringBuilder();
        Append(body, $$"""
                public async Task<{{m.Entity}}Dto?> FindAsync(int id, CancellationToken ct)
                {
                    {{m.Dependency("logger")}}.LogDebug("Finding {{m.Entity}} {Id}", id);
                    var entity = await {{m.Dependency("repository")}}.FindAsync(id, ct);
                    return entity?.ToDto();
                }
            """);
        Append(body, $$"""
                public async Task<{{m.Entity}}Summary> GetSummaryAsync(int id, CancellationToken ct)
                {
                    var details = await {{m.Dependency("client")}}.GetDetailsAsync(id, ct);
                    var stats = await {{m.Dependency("client")}}.GetStatsAsync(id, ct);
                    var item = await {{m.Dependency("repository")}}.FindAsync(id, ct);
                    return new {{m.Entity}}Summary(item?.ToDto(), details, stats);
                }
            """);
        Append(body, $$"""
                public async Task<int> CreateAsync({{m.Entity}}Dto dto, CancellationToken ct)
                {
                    var entity = new {{m.Entity}} { Name = dto.Name, Amount = dto.Amount, CreatedAt = {{m.Dependency("clock")}}.UtcNow };
                    await {{m.Dependency("repository")}}.AddAsync(entity, ct);
                    await {{m.Dependency("bus")}}.PublishAsync(new {{m.Entity}}Created(entity.Id), ct);
                    {{m.Dependency("logger")}}.LogInformation("Created {{m.Entity}} {Id}", entity.Id);
                    return entity.Id;
                }
            """);
        Append(body, $$"""
                public async Task<IReadOnlyList<{{m.Entity}}Dto>> ListForOwnerAsync(int ownerId, CancellationToken ct)
                {
                    var items = await {{m.Dependency("repository")}}.ListByOwnerAsync(ownerId, ct);
                    return items.Select(x => x.ToDto()).ToList();
                }
            """);
        Append(body, $$"""
                public async Task<bool> RenameAsync(int id, string name, CancellationToken ct)
                {
                    var entity = await {{m.Dependency("repository")}}.FindAsync(id, ct);
                    if (entity is null)
                    {
                        return false;
                    }

                    entity.Name = name;
                    await {{m.Dependency("repository")}}.UpdateAsync(entity, ct);
                    return true;
                }
            """);
        Append(body, $$"""
                public async Task<{{m.Entity}}Stats> GetOwnerStatsAsync(int ownerId, CancellationToken ct)
                {
                    var count = await {{m.Dependency("repository")}}.CountByOwnerAsync(ownerId, ct);
                    var stats = await {{m.Dependency("repository")}}.GetStatsAsync(ownerId, ct);
                    return new {{m.Entity}}Stats(count, stats.Total);
                }
            """);
        Append(body, $$"""
                public async Task<bool> ExistsAnywhereAsync(int id, CancellationToken ct)
                {
                    var mine = await {{m.Dependency("repository")}}.ExistsAsync(id, ct);
                    return mine || await {{m.Dependency("otherRepository")}}.ExistsAsync(id, ct);
                }
            """);
        census.Add(Expectation.Await001, 1); // GetSummaryAsync: two HTTP queries and one DbContext query do not conflict.
        AppendDrawn(body, m, random, MethodTemplates.Service, drawn, census);

        var header = m.UsesPrimaryConstructors
            ? $$"""
                public sealed class {{m.Entity}}Service(
                    I{{m.Entity}}Repository repository,
                    I{{m.OtherEntity}}Repository otherRepository,
                    {{m.Entity}}Client client,
                    {{m.OtherEntity}}Client otherClient,
                    IMessageBus bus,
                    IClock clock,
                    ILogger<{{m.Entity}}Service> logger) : I{{m.Entity}}Service
                {
                """
            : $$"""
                public sealed class {{m.Entity}}Service : I{{m.Entity}}Service
                {
                    private readonly I{{m.Entity}}Repository _repository;
                    private readonly I{{m.OtherEntity}}Repository _otherRepository;
                    private readonly {{m.Entity}}Client _client;
                    private readonly {{m.OtherEntity}}Client _otherClient;
                    private readonly IMessageBus _bus;
                    private readonly IClock _clock;
                    private readonly ILogger<{{m.Entity}}Service> _logger;

                    public {{m.Entity}}Service(
                        I{{m.Entity}}Repository repository,
                        I{{m.OtherEntity}}Repository otherRepository,
                        {{m.Entity}}Client client,
                        {{m.OtherEntity}}Client otherClient,
                        IMessageBus bus,
                        IClock clock,
                        ILogger<{{m.Entity}}Service> logger)
                    {
                        _repository = repository;
                        _otherRepository = otherRepository;
                        _client = client;
                        _otherClient = otherClient;
                        _bus = bus;
                        _clock = clock;
                        _logger = logger;
                    }

                """;

        return $$"""
            namespace {{m.Namespace}};

            public interface I{{m.Entity}}Service
            {
                Task<{{m.Entity}}Dto?> FindAsync(int id, CancellationToken ct);

                Task<{{m.Entity}}Summary> GetSummaryAsync(int id, CancellationToken ct);

                Task<int> CreateAsync({{m.Entity}}Dto dto, CancellationToken ct);

                Task<IReadOnlyList<{{m.Entity}}Dto>> ListForOwnerAsync(int ownerId, CancellationToken ct);

                Task<bool> RenameAsync(int id, string name, CancellationToken ct);

                Task<{{m.Entity}}Stats> GetOwnerStatsAsync(int ownerId, CancellationToken ct);
            }

            {{header}}
            {{body}}}
            """;
    }

    /// <summary>Actions on this module's service and the next one's: two services behind one scoped DbContext must stay silent.</summary>
    public static string Controller(Module m, Random random, int actions, Census census)
    {
        var body = new StringBuilder();
        Append(body, $$"""
                [HttpGet("{id}")]
                public async Task<ApiResult> Get(int id, CancellationToken ct)
                {
                    var item = await _service.FindAsync(id, ct);
                    return item is null ? NotFound() : Ok(item);
                }
            """);
        Append(body, $$"""
                [HttpGet("{id}/summary")]
                public async Task<ApiResult> Summary(int id, CancellationToken ct)
                    => Ok(await _service.GetSummaryAsync(id, ct));
            """);
        Append(body, $$"""
                [HttpPost("")]
                public async Task<ApiResult> Create({{m.Entity}}Dto dto, CancellationToken ct)
                {
                    if (string.IsNullOrWhiteSpace(dto.Name))
                    {
                        return BadRequest("A name is required.");
                    }

                    var id = await _service.CreateAsync(dto, ct);
                    return Ok(id);
                }
            """);
        Append(body, $$"""
                [HttpGet("owner/{ownerId}")]
                public async Task<ApiResult> ListForOwner(int ownerId, CancellationToken ct)
                {
                    var items = await _service.ListForOwnerAsync(ownerId, ct);
                    return Ok(items.Select(x => x.Label()).ToArray());
                }
            """);
        for (var k = 4; k < actions; k++)
        {
            switch (random.Next(4))
            {
                case 0:
                    census.Add(Expectation.Silent, 1);
                    Append(body, $$"""
                            [HttpGet("{id}/compare/{{k}}")]
                            public async Task<ApiResult> Compare{{k}}(int id, CancellationToken ct)
                            {
                                var mine = await _service.FindAsync(id, ct);
                                var theirs = await _otherService.FindAsync(id, ct);
                                return Ok(new { mine, theirs });
                            }
                        """);
                    break;
                case 1:
                    census.Add(Expectation.Silent, 1);
                    Append(body, $$"""
                            [HttpPost("{id}/rename/{{k}}")]
                            public async Task<ApiResult> Rename{{k}}(int id, string name, CancellationToken ct)
                            {
                                _logger.LogInformation("Renaming {Id}", id);
                                return await _service.RenameAsync(id, name, ct) ? Accepted() : NotFound();
                            }
                        """);
                    break;
                case 2:
                    census.Add(Expectation.Silent, 1);
                    Append(body, $$"""
                            [HttpGet("owner/{ownerId}/stats/{{k}}")]
                            public async Task<ApiResult> OwnerStats{{k}}(int ownerId, CancellationToken ct)
                            {
                                var stats = await _service.GetOwnerStatsAsync(ownerId, ct);
                                return stats.Count == 0 ? NotFound() : Ok(stats);
                            }
                        """);
                    break;
                default:
                    census.Add(Expectation.Silent, 1);
                    Append(body, $$"""
                            [HttpPost("copy/{{k}}")]
                            public async Task<ApiResult> Copy{{k}}(int id, CancellationToken ct)
                            {
                                var source = await _service.FindAsync(id, ct);
                                if (source is null)
                                {
                                    return NotFound();
                                }

                                var copy = await _service.CreateAsync(source with { Id = 0 }, ct);
                                return Ok(copy);
                            }
                        """);
                    break;
            }
        }

        return $$"""
            namespace {{m.Namespace}};

            public sealed class {{m.Entity}}Controller : ApiController
            {
                private readonly I{{m.Entity}}Service _service;
                private readonly I{{m.OtherEntity}}Service _otherService;
                private readonly ILogger<{{m.Entity}}Controller> _logger;

                public {{m.Entity}}Controller(I{{m.Entity}}Service service, I{{m.OtherEntity}}Service otherService, ILogger<{{m.Entity}}Controller> logger)
                {
                    _service = service;
                    _otherService = otherService;
                    _logger = logger;
                }

            {{body}}}
            """;
    }

    /// <summary>A background worker: mostly loops, the home of AWAIT002 candidates and of loops that must stay silent.</summary>
    public static string Worker(Module module, Random random, int methods, Census census)
    {
        var m = module.WithFields();
        var body = new StringBuilder();
        Append(body, $$"""
                public async Task RunAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        var archived = await {{m.Dependency("repository")}}.ArchiveOlderThanAsync({{m.Dependency("clock")}}.UtcNow.AddDays(-30), ct);
                        {{m.Dependency("logger")}}.LogInformation("Archived {Count} items", archived);
                        await Task.Delay(TimeSpan.FromMinutes(5), ct);
                    }
                }
            """);
        census.Add(Expectation.Silent, 1);
        AppendDrawn(body, m, random, MethodTemplates.Worker, methods - 1, census);
        return $$"""
            namespace {{m.Namespace}};

            public sealed class {{m.Entity}}Worker(
                I{{m.Entity}}Repository repository,
                I{{m.OtherEntity}}Repository otherRepository,
                {{m.Entity}}Client client,
                {{m.OtherEntity}}Client otherClient,
                IMessageBus bus,
                IClock clock,
                ILogger<{{m.Entity}}Worker> logger)
            {
                private readonly I{{m.Entity}}Repository _repository = repository;
                private readonly I{{m.OtherEntity}}Repository _otherRepository = otherRepository;
                private readonly {{m.Entity}}Client _client = client;
                private readonly {{m.OtherEntity}}Client _otherClient = otherClient;
                private readonly IMessageBus _bus = bus;
                private readonly IClock _clock = clock;
                private readonly ILogger<{{m.Entity}}Worker> _logger = logger;

            {{body}}}
            """;
    }

    /// <summary>A class of <paramref name="methods"/> fan-out methods, each one AWAIT001 site: the Fix All workload.</summary>
    public static string FixAllTarget(Module module, int index, Random random, int methods)
    {
        var m = module.WithFields();
        var body = new StringBuilder();
        for (var k = 0; k < methods; k++)
        {
            Append(body, MethodTemplates.FanOut(m, k, random, "GetOverview", configureAwait: false));
        }

        return $$"""
            namespace {{m.Namespace}};

            public sealed class Dashboard{{index}}
            {
                private readonly {{m.Entity}}Client _client;
                private readonly {{m.OtherEntity}}Client _otherClient;

                public Dashboard{{index}}({{m.Entity}}Client client, {{m.OtherEntity}}Client otherClient)
                {
                    _client = client;
                    _otherClient = otherClient;
                }

            {{body}}}
            """;
    }

    private static void AppendDrawn(StringBuilder body, Module m, Random random, MethodTemplate[] pool, int asyncMethods, Census census)
    {
        var k = 0;
        var written = 0;
        while (written < asyncMethods)
        {
            var template = MethodTemplates.Draw(pool, random);
            Append(body, template.Write(m, k++, random));
            census.Add(template.Expectation, 1);
            if (template.IsAsync)
            {
                written++;
            }
        }
    }

    private static void Append(StringBuilder body, string member)
    {
        if (body.Length > 0)
        {
            body.Append('\n');
        }

        body.Append(member).Append('\n');
    }
}
