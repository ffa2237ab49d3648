namespace Showcase.Services;

/// <summary>The warehouse stock service (~100 ms a call).</summary>
public sealed class Inventory
{
    public async Task<int> GetStockAsync(string sku)
    {
        await Network.RoundTripAsync(100);
        return sku.Length * 3;
    }

    /// <summary>Holds stock for an order; must happen before the payment is taken.</summary>
    public Task ReserveAsync(string sku, int quantity) => Network.RoundTripAsync(50);
}
