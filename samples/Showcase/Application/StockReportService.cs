using Showcase.Services;

namespace Showcase.Application;

/// <summary>The stock report: a line per product, as listed, and the units held in all.</summary>
public sealed class StockReportService
{
    private readonly Inventory _inventory;

    public StockReportService(Inventory inventory)
    {
        _inventory = inventory;
    }

    public async Task<int> PrintAsync(IReadOnlyList<string> skus)
    {
        var total = 0;
        foreach (var sku in skus) // AWAIT002
        {
            var stock = await _inventory.GetStockAsync(sku);
            Console.WriteLine($"  stock {sku}: {stock}");
            total += stock;
        }

        return total;
    }
}
