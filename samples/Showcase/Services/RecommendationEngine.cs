namespace Showcase.Services;

/// <summary>A recommendation model behind an API (~250 ms a call).</summary>
public sealed class RecommendationEngine
{
    public async Task<IReadOnlyList<string>> GetRecommendationsAsync(int userId)
    {
        await Network.RoundTripAsync(250);
        return new[] { "Difference Engine No. 2", "Punched cards (box of 500)", "Notes on the Analytical Engine" };
    }
}
