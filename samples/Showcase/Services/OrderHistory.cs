using Showcase.Domain;

namespace Showcase.Services;

/// <summary>The order history service (~300 ms a call).</summary>
public sealed class OrderHistory
{
    public async Task<IReadOnlyList<Order>> GetRecentOrdersAsync(int userId)
    {
        await Network.RoundTripAsync(300);
        return new[]
        {
            new Order($"ORD-{userId}-1", 120.00m, "USD"),
            new Order($"ORD-{userId}-2", 75.50m, "GBP"),
            new Order($"ORD-{userId}-3", 42.00m, "EUR"),
        };
    }
}
