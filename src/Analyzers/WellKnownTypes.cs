using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers;

/// <summary>The types the rules need, resolved once per compilation.</summary>
internal sealed class WellKnownTypes
{
    /// <summary>docs/design.md §3.2: types one instance of which must not serve two operations at once.</summary>
    private static readonly string[] ResourceTypeNames =
    {
        "Microsoft.EntityFrameworkCore.DbContext",
        "System.Data.Common.DbConnection",
        "System.Data.IDbConnection",
        "System.Data.Common.DbTransaction",
        "System.IO.Stream",
        "System.IO.TextReader",
        "System.IO.TextWriter",
        "System.IO.Pipelines.PipeReader",
        "System.IO.Pipelines.PipeWriter",
        "System.Net.WebSockets.WebSocket",
    };

    /// <summary>docs/design.md §3.2: types whose one instance serves concurrent calls.</summary>
    private static readonly string[] KnownSafeTypeNames =
    {
        "System.Net.Http.HttpClient",
        "System.Net.Http.IHttpClientFactory",
        "Microsoft.Extensions.Logging.ILogger",
        "Microsoft.Extensions.Logging.ILogger`1",
        "Microsoft.Extensions.Caching.Memory.IMemoryCache",
        "Microsoft.Extensions.Configuration.IConfiguration",
        "Microsoft.Extensions.Options.IOptions`1",
    };

    /// <summary>docs/design.md §3.2 (c): assemblies whose presence means unseen code may hold a scoped connection.</summary>
    private static readonly string[] DataAccessAssemblyNames =
    {
        "Microsoft.EntityFrameworkCore",
        "Microsoft.Data.SqlClient",
        "System.Data.SqlClient",
        "Npgsql",
        "MySqlConnector",
        "Dapper",
        "NHibernate",
        "MongoDB.Driver",
    };

    private WellKnownTypes(Compilation compilation, INamedTypeSymbol task, INamedTypeSymbol taskOfT)
    {
        Compilation = compilation;
        Task = task;
        TaskOfT = taskOfT;
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        ListOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        var parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        HasParallelForEachAsync = parallel is not null && !parallel.GetMembers("ForEachAsync").IsEmpty;
        ServiceProvider = compilation.GetTypeByMetadataName("System.IServiceProvider");
        ResourceTypes = Resolve(compilation, ResourceTypeNames);
        KnownSafeTypes = Resolve(compilation, KnownSafeTypeNames);
        ReferencesDataAccessAssembly = FindDataAccessAssembly(compilation);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol Task { get; }

    public INamedTypeSymbol TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? ListOfT { get; }

    /// <summary>True when the target framework has <c>Parallel.ForEachAsync</c> (.NET 6+).</summary>
    public bool HasParallelForEachAsync { get; }

    /// <summary>A service locator: what holds one can reach any service, the scoped DbContext included (docs/design.md §3.2).</summary>
    public INamedTypeSymbol? ServiceProvider { get; }

    public ImmutableArray<INamedTypeSymbol> ResourceTypes { get; }

    public ImmutableArray<INamedTypeSymbol> KnownSafeTypes { get; }

    public bool ReferencesDataAccessAssembly { get; }

    /// <summary>Null when the compilation has no <c>Task</c>: nothing to analyze.</summary>
    public static WellKnownTypes? Create(Compilation compilation)
    {
        var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        var taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        return task is null || taskOfT is null ? null : new WellKnownTypes(compilation, task, taskOfT);
    }

    /// <summary>What awaiting <paramref name="type"/> is: a Task-like this product rewrites, or nothing.</summary>
    public AwaitableKind GetAwaitableKind(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return AwaitableKind.None;
        }

        var definition = named.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, Task))
        {
            return AwaitableKind.Task;
        }

        if (SymbolEqualityComparer.Default.Equals(definition, TaskOfT))
        {
            return AwaitableKind.TaskOfT;
        }

        if (ValueTask is not null && SymbolEqualityComparer.Default.Equals(definition, ValueTask))
        {
            return AwaitableKind.ValueTask;
        }

        if (ValueTaskOfT is not null && SymbolEqualityComparer.Default.Equals(definition, ValueTaskOfT))
        {
            return AwaitableKind.ValueTaskOfT;
        }

        return AwaitableKind.None;
    }

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, string[] names)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in names)
        {
            var type = compilation.GetTypeByMetadataName(name);
            if (type is not null)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    private static bool FindDataAccessAssembly(Compilation compilation)
    {
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            foreach (var name in DataAccessAssemblyNames)
            {
                if (string.Equals(identity.Name, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

internal enum AwaitableKind
{
    None,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

internal static class AwaitableKindExtensions
{
    public static bool HasResult(this AwaitableKind kind) => kind is AwaitableKind.TaskOfT or AwaitableKind.ValueTaskOfT;

    public static bool IsValueTask(this AwaitableKind kind) => kind is AwaitableKind.ValueTask or AwaitableKind.ValueTaskOfT;
}
