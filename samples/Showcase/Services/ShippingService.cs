using Showcase.Domain;

namespace Showcase.Services;

/// <summary>A carrier's quoting API (~120 ms a call).</summary>
public sealed class ShippingService
{
    public async Task<ShippingQuote> QuoteAsync(Order order)
    {
        await Network.RoundTripAsync(120);
        return new ShippingQuote(order.Id, order.Amount > 100m ? "Express" : "Standard", order.Amount > 100m ? 0m : 4.99m);
    }
}
