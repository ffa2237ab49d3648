using System.IO;
using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.2 (a), seen through ASP.NET Core Identity: <c>RoleManager&lt;TRole&gt;</c> is given an
/// <c>IRoleStore&lt;TRole&gt;</c>, which an internal store in another assembly of the application implements over its context.
/// </summary>
public partial class IndependenceModelTests
{
    private static readonly ReferenceAssemblies IdentityAspNetCore = new(
        "net8.0",
        new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.28"),
        Path.Combine("ref", "net8.0"));

    private const string ShopCore = """

using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
namespace Shop.Core.Identity
{
    public class CustomerRole { public int Id { get; set; } public string Name { get; set; } = ""; }
    public class CustomerRoleMapping { public int Id { get; set; } public int CustomerRoleId { get; set; } }
    public interface IRoleStore : IQueryableRoleStore<CustomerRole> { bool AutoSaveChanges { get; set; } }
    internal class RoleStore : IRoleStore
    {
        private readonly Lazy<Shop.Core.Data.ShopDbContext> _db;
        public RoleStore(Lazy<Shop.Core.Data.ShopDbContext> db) { _db = db; }
        public bool AutoSaveChanges { get; set; } = true;
        public IQueryable<CustomerRole> Roles => _db.Value.CustomerRoles;
        public void Dispose() { }
        public Task<IdentityResult> CreateAsync(CustomerRole role, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);
        public Task<IdentityResult> UpdateAsync(CustomerRole role, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);
        public Task<IdentityResult> DeleteAsync(CustomerRole role, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);
        public Task<string> GetRoleIdAsync(CustomerRole role, CancellationToken cancellationToken) => Task.FromResult(role.Id.ToString());
        public Task<string?> GetRoleNameAsync(CustomerRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.Name);
        public Task SetRoleNameAsync(CustomerRole role, string? roleName, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<string?> GetNormalizedRoleNameAsync(CustomerRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.Name);
        public Task SetNormalizedRoleNameAsync(CustomerRole role, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<CustomerRole?> FindByIdAsync(string roleId, CancellationToken cancellationToken) => _db.Value.CustomerRoles.FirstOrDefaultAsync(x => x.Id == int.Parse(roleId), cancellationToken);
        public Task<CustomerRole?> FindByNameAsync(string normalizedRoleName, CancellationToken cancellationToken) => _db.Value.CustomerRoles.FirstOrDefaultAsync(x => x.Name == normalizedRoleName, cancellationToken);
    }
}
namespace Shop.Core.Data
{
    public partial class ShopDbContext : DbContext
    {
        public DbSet<Shop.Core.Identity.CustomerRole> CustomerRoles { get; set; } = null!;
        public DbSet<Shop.Core.Identity.CustomerRoleMapping> CustomerRoleMappings { get; set; } = null!;
    }
}

""";

    private static async Task VerifyWithShopCoreAsync(string source, params DiagnosticResult[] expected)
        => await VerifyWithShopCoreAsync(ShopCore, source, expected);

    private static async Task VerifyWithShopCoreAsync(string shopCore, string source, params DiagnosticResult[] expected)
    {
        var aspNetCore = await IdentityAspNetCore.ResolveAsync(LanguageNames.CSharp, default);
        var core = await ReferenceAssembly.CompileAsync(shopCore, References.Net80WithEntityFramework, name: "Shop.Core", additional: aspNetCore);
        var test = WithEntityFramework(source);
        test.TestState.AdditionalReferences.AddRange(aspNetCore);
        test.TestState.AdditionalReferences.Add(core);
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "Shop.Web"));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task Identity_QueryOverContextThenRoleManager_IsSilent()
    {
        await VerifyWithShopCoreAsync("""

using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Identity;
public class CustomerRoleController
{
    private readonly ShopDbContext _db;
    private readonly RoleManager<CustomerRole> _roleManager;
    public CustomerRoleController(ShopDbContext db, RoleManager<CustomerRole> roleManager) { _db = db; _roleManager = roleManager; }

    public async Task<int> ListAsync(int id)
    {
        var query = _db.CustomerRoleMappings.AsNoTracking().Where(x => x.CustomerRoleId == id);
        var rows = await query.OrderBy(x => x.Id).ToListAsync();
        var role = await _roleManager.FindByIdAsync(id.ToString());
        return rows.Count + (role?.Id ?? 0);
    }
}

""");
    }

    [Fact]
    public async Task Identity_RoleManagerThenHttpClient_IsReported()
    {
        await VerifyWithShopCoreAsync("""

using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Shop.Core.Identity;
public class CustomerRoleController
{
    private readonly HttpClient _http;
    private readonly RoleManager<CustomerRole> _roleManager;
    public CustomerRoleController(HttpClient http, RoleManager<CustomerRole> roleManager) { _http = http; _roleManager = roleManager; }

    public async Task<int> ListAsync(int id)
    {
        var page = {|#0:await|} _http.GetStringAsync("https://example.com/");
        {|#1:var role = await _roleManager.FindByIdAsync(id.ToString());|}
        return page.Length + (role?.Id ?? 0);
    }
}

""", Expect.Group(0, 1));
    }

    [Fact]
    public async Task Identity_PublicStoreInAReferencedAssembly_IsSilent()
    {
        await VerifyWithShopCoreAsync(ShopCore.Replace("internal class RoleStore", "public class RoleStore"), """

using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Identity;
public class CustomerRoleController(ShopDbContext db, RoleManager<CustomerRole> roleManager)
{
    public async Task<int> ListAsync(int id)
    {
        var rows = await db.CustomerRoleMappings.ToListAsync();
        var role = await roleManager.FindByIdAsync(id.ToString());
        return rows.Count + (role?.Id ?? 0);
    }
}

""");
    }
}
