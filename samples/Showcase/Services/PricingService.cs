namespace Showcase.Services;

/// <summary>The pricing engine (~80 ms a call).</summary>
public sealed class PricingService
{
    public async Task<decimal> GetPriceAsync(string sku)
    {
        await Network.RoundTripAsync(80);
        return 10m + sku.Length * 2.5m;
    }
}
