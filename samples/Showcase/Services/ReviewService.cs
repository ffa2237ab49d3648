using Showcase.Domain;

namespace Showcase.Services;

/// <summary>Customer reviews (~200 ms a call).</summary>
public sealed class ReviewService
{
    public async Task<IReadOnlyList<Review>> GetReviewsAsync(string sku)
    {
        await Network.RoundTripAsync(200);
        return new[] { new Review("Charles", 5), new Review("Mary", 4) };
    }
}
