using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Independence;

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

        // docs/design.md §3.8 and §3.10: ordered writers and readers — overlapping calls throw or interleave, and the order
        // of the calls is the document (or the response on the wire, or the items in a channel).
        "Microsoft.AspNetCore.Http.HttpResponse",
        "System.Xml.XmlWriter",
        "System.Xml.XmlReader",
        "System.Text.Json.Utf8JsonWriter",
        "Newtonsoft.Json.JsonWriter",
        "Newtonsoft.Json.JsonReader",
        "System.IO.BinaryWriter",
        "System.IO.BinaryReader",
        "System.Threading.Channels.ChannelWriter`1",
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

        // docs/design.md §3.10: factories hand each call a context or scope of its own; they hold none themselves.
        "Microsoft.EntityFrameworkCore.IDbContextFactory`1",
        "Microsoft.Extensions.DependencyInjection.IServiceScopeFactory",
    };

    /// <summary>docs/design.md §2: test and benchmark frameworks; a project that references one is a test project.</summary>
    private static readonly string[] TestFrameworkAssemblyNames =
    {
        "xunit.core",
        "xunit.v3.core",
        "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework",
        "MSTest.TestFramework",
        "TUnit.Core",
        "BenchmarkDotNet",
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
        Queryable = compilation.GetTypeByMetadataName("System.Linq.IQueryable");
        EnumerableQuery = compilation.GetTypeByMetadataName("System.Linq.EnumerableQuery");
        QueryableExtensions = compilation.GetTypeByMetadataName("System.Linq.Queryable");
        DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
        ResourceTypes = Resolve(compilation, ResourceTypeNames);
        KnownSafeTypes = Resolve(compilation, KnownSafeTypeNames);
        ReferencesDataAccessAssembly = References(compilation, DataAccessAssemblyNames);
        ReferencesTestFramework = References(compilation, TestFrameworkAssemblyNames);
    }

    public Compilation Compilation { get; }

    private ApplicationIdentity? _application;

    /// <summary>The application this compilation belongs to (docs/design.md §3.2 (d), §3.5), worked out on first use.</summary>
    private ApplicationIdentity Application => _application ??= new ApplicationIdentity(Compilation);

    /// <summary>
    /// docs/design.md §3.2 (d): a type of the solution being built — declared in this compilation, in a referenced assembly
    /// whose name starts with the same first segment (<c>Shop.Core</c> for <c>Shop.Web</c>), or in a namespace of the
    /// application's own (<c>Shop.Tools</c>, whatever its assembly is called): the abstractions whose implementations the
    /// same application composes, and may hand one scoped context.
    /// </summary>
    public bool IsOwnCode(ITypeSymbol type)
        => type.OriginalDefinition.ContainingAssembly is { } assembly && IsOwnAssembly(assembly)
           || Application.IsOwnNamespace(type.OriginalDefinition.ContainingNamespace);

    /// <summary>This compilation's assembly, or a referenced one of the same application (<see cref="IsOwnCode"/>).</summary>
    public bool IsOwnAssembly(IAssemblySymbol assembly)
        => SymbolEqualityComparer.Default.Equals(assembly, Compilation.Assembly) || Application.IsOwnAssemblyName(assembly.Name);

    /// <summary>
    /// docs/design.md §3.5: what a call whose body was not read waits on — the application's own code (<see cref="IsOwnCode"/>)
    /// shows nothing (it may answer from memory); a library's or the framework's asynchronous method is taken to wait.
    /// </summary>
    public WaitKind WaitOfUnread(IMethodSymbol method)
    {
        if (method.ContainingType is { } type && IsOwnCode(type))
        {
            return WaitKind.Unseen;
        }

        return AnswersFromItsValue(method) ? WaitKind.Nothing : WaitKind.Anything;
    }

    /// <summary>
    /// docs/design.md §3.5: a library's asynchronous member of a value — an instance method of a struct, or an extension
    /// method whose receiver is one (<c>option.IfNoneAsync(fallback)</c>) — that is given nothing it could wait on (no
    /// delegate, no task or other awaitable, no cancellation token): it answers from the value it holds.
    /// </summary>
    private bool AnswersFromItsValue(IMethodSymbol method)
    {
        var receiver = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type
            : method.IsStatic ? null
            : method.ContainingType;
        if (receiver is not { IsValueType: true } || GetAwaitableKind(receiver) != AwaitableKind.None)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type is { TypeKind: TypeKind.Delegate or TypeKind.TypeParameter or TypeKind.Error }
                || parameter.Type.SpecialType == SpecialType.System_Object
                || GetAwaitableKind(parameter.Type) != AwaitableKind.None
                || SymbolEqualityComparer.Default.Equals(parameter.Type, CancellationToken))
            {
                return false;
            }
        }

        return true;
    }

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

    /// <summary><c>System.Linq.IQueryable</c>: a query holds its provider (docs/design.md §3.8).</summary>
    public INamedTypeSymbol? Queryable { get; }

    /// <summary><c>System.Linq.EnumerableQuery</c>: the provider of <c>AsQueryable()</c> over a sequence, LINQ in memory.</summary>
    public INamedTypeSymbol? EnumerableQuery { get; }

    /// <summary><c>System.Linq.Queryable</c>, whose methods compose a query from another.</summary>
    public INamedTypeSymbol? QueryableExtensions { get; }

    public INamedTypeSymbol? DbContext { get; }

    public ImmutableArray<INamedTypeSymbol> ResourceTypes { get; }

    public ImmutableArray<INamedTypeSymbol> KnownSafeTypes { get; }

    public bool ReferencesDataAccessAssembly { get; }

    /// <summary>docs/design.md §2: the compilation is a test project (it references xUnit, NUnit, MSTest, TUnit or BenchmarkDotNet).</summary>
    public bool ReferencesTestFramework { get; }

    /// <summary>True when the type is, derives from or implements one of the built-in resource types (docs/design.md §3.2).</summary>
    public bool IsBuiltInResource(ITypeSymbol type)
    {
        if (type.IsValueType || type.SpecialType != SpecialType.None || ResourceTypes.IsEmpty)
        {
            return false;
        }

        return IsOrDerivesFromAny(type, ResourceTypes);
    }

    /// <summary>True when the type is or derives from a built-in known-safe type (docs/design.md §3.2).</summary>
    public bool IsBuiltInKnownSafe(ITypeSymbol type)
        => IsOrDerivesFromAny(type, KnownSafeTypes)
           || type.ContainingNamespace?.ToDisplayString() == "System.Collections.Concurrent"; // made for concurrent writers

    private static bool IsOrDerivesFromAny(ITypeSymbol type, ImmutableArray<INamedTypeSymbol> candidates)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsAny(current, candidates))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (IsAny(implemented, candidates))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAny(ITypeSymbol type, ImmutableArray<INamedTypeSymbol> candidates)
    {
        var definition = type.OriginalDefinition;
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(definition, candidate))
            {
                return true;
            }
        }

        return false;
    }

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

    private static bool References(Compilation compilation, string[] assemblyNames)
    {
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            foreach (var name in assemblyNames)
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
