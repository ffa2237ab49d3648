using Showcase.Domain;

namespace Showcase.Services;

/// <summary>The product catalogue (~200 ms a call).</summary>
public sealed class ProductCatalog
{
    public async Task<Product> GetProductAsync(string sku)
    {
        await Network.RoundTripAsync(200);
        return new Product(sku, sku.StartsWith("GEAR", StringComparison.Ordinal) ? "Brass gear set" : "Steel cam");
    }
}
