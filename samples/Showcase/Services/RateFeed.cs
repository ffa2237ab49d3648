namespace Showcase.Services;

/// <summary>One upstream source of exchange rates.</summary>
public sealed class RateFeed
{
    private readonly int _latencyMilliseconds;
    private readonly IReadOnlyDictionary<string, decimal> _rates;

    public RateFeed(int latencyMilliseconds, IReadOnlyDictionary<string, decimal> rates)
    {
        _latencyMilliseconds = latencyMilliseconds;
        _rates = rates;
    }

    public async Task<IReadOnlyDictionary<string, decimal>> GetLatestAsync(string baseCurrency)
    {
        await Network.RoundTripAsync(_latencyMilliseconds);
        return _rates;
    }
}
