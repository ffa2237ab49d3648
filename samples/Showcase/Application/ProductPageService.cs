using Showcase.Domain;
using Showcase.Services;

namespace Showcase.Application;

/// <summary>The product detail page.</summary>
public sealed class ProductPageService
{
    private readonly ProductCatalog _catalog;
    private readonly Inventory _inventory;
    private readonly ReviewService _reviews;

    public ProductPageService(ProductCatalog catalog, Inventory inventory, ReviewService reviews)
    {
        _catalog = catalog;
        _inventory = inventory;
        _reviews = reviews;
    }

    public async Task<ProductPage> LoadAsync(string sku)
    {
        Product product = await _catalog.GetProductAsync(sku); // AWAIT001
        int stock = await _inventory.GetStockAsync(sku);
        IReadOnlyList<Review> reviews = await _reviews.GetReviewsAsync(sku);
        return new ProductPage(product, stock, reviews);
    }

    public async Task<string> CompareAsync(string sku, string otherSku)
    {
        var product = await _catalog.GetProductAsync(sku); // AWAIT001
        var other = await _catalog.GetProductAsync(otherSku);
        return $"{product.Sku} vs {other.Sku}: {product.Name} / {other.Name}";
    }
}
