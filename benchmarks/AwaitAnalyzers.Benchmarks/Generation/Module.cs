namespace AwaitAnalyzers.Benchmarks.Generation;

/// <summary>
/// One feature module of the generated code base: an entity with its repository, HTTP client, service, controller and
/// worker. <see cref="Other"/> is the next module, whose client and repository the service also uses.
/// </summary>
internal sealed class Module
{
    private static readonly string[] Areas = { "Sales", "Billing", "Catalog", "Fulfilment", "Support", "Marketing", "Finance", "People" };

    private static readonly string[] Entities =
    {
        "Customer", "Order", "Product", "Invoice", "Shipment", "Payment", "Review", "Supplier", "Warehouse", "Ticket",
        "Campaign", "Contract", "Subscription", "Employee", "Project", "Account", "Budget", "Report", "Voucher", "Coupon",
        "Refund", "Quote", "Lead", "Vendor",
    };

    private static readonly string[] Qualifiers =
    {
        "", "Retail", "Partner", "Internal", "Regional", "Legacy", "Premium", "Wholesale", "Archived", "Pending", "Draft",
        "Scheduled", "Recurring", "Shared", "External",
    };

    public Module(int index, int count, bool usesPrimaryConstructors)
    {
        Index = index;
        Area = Areas[index % Areas.Length];
        Entity = EntityName(index);
        OtherEntity = EntityName((index + 1) % count);
        UsesPrimaryConstructors = usesPrimaryConstructors;
    }

    private Module(Module other, bool usesPrimaryConstructors)
    {
        Index = other.Index;
        Area = other.Area;
        Entity = other.Entity;
        OtherEntity = other.OtherEntity;
        UsesPrimaryConstructors = usesPrimaryConstructors;
    }

    public int Index { get; }

    public string Area { get; }

    public string Namespace => "Contoso." + Area;

    /// <summary>The entity name, e.g. <c>Customer</c>; also the stem of every type of the module.</summary>
    public string Entity { get; }

    /// <summary>The next module's entity: its client and repository are this module's second dependencies.</summary>
    public string OtherEntity { get; }

    /// <summary>The URL segment, e.g. <c>customers</c>.</summary>
    public string Route => Entity.ToLowerInvariant() + "s";

    /// <summary>Services of this module take their dependencies as primary-constructor parameters (C# 12) rather than fields.</summary>
    public bool UsesPrimaryConstructors { get; }

    /// <summary>How a member reads a dependency: <c>_repository</c> from a field, <c>repository</c> from a primary-constructor parameter.</summary>
    public string Dependency(string name) => UsesPrimaryConstructors ? name : "_" + name;

    /// <summary>The same module seen from a class that keeps its dependencies in fields.</summary>
    public Module WithFields() => UsesPrimaryConstructors ? new Module(this, usesPrimaryConstructors: false) : this;

    public static string AreaNamespace(int area) => "Contoso." + Areas[area];

    public static int AreaCount => Areas.Length;

    private static string EntityName(int index)
    {
        var stem = Entities[index % Entities.Length];
        var round = index / Entities.Length;
        var qualifier = Qualifiers[round % Qualifiers.Length];
        var suffix = round >= Qualifiers.Length ? (round / Qualifiers.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        return qualifier + stem + suffix;
    }
}
