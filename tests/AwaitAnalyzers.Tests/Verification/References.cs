using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace AwaitAnalyzers.Tests.Verification;

/// <summary>
/// Reference assemblies pinned to versions the tests restore: the testing library's built-in Net80 asks for
/// Microsoft.NETCore.App.Ref 8.0.0, and a pinned servicing version keeps every run on the same assemblies.
/// </summary>
public static class References
{
    public static readonly ReferenceAssemblies Net80 = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.28"),
        Path.Combine("ref", "net8.0"));

    public static readonly ReferenceAssemblies Net80WithEntityFramework = Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.EntityFrameworkCore", "8.0.34")));

    public static readonly ReferenceAssemblies NetStandard20 = ReferenceAssemblies.NetStandard.NetStandard20;
}
