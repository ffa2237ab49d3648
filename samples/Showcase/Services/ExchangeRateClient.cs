namespace Showcase.Services;

/// <summary>Exchange rates merged from two feeds; library-style code, so it awaits with ConfigureAwait(false).</summary>
public sealed class ExchangeRateClient
{
    private readonly RateFeed _primary;
    private readonly RateFeed _fallback;

    public ExchangeRateClient(RateFeed primary, RateFeed fallback)
    {
        _primary = primary;
        _fallback = fallback;
    }

    public async Task<IReadOnlyDictionary<string, decimal>> GetRatesAsync(string baseCurrency)
    {
        var primary = await _primary.GetLatestAsync(baseCurrency).ConfigureAwait(false); // AWAIT001
        var fallback = await _fallback.GetLatestAsync(baseCurrency).ConfigureAwait(false);

        var merged = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (currency, rate) in fallback)
        {
            merged[currency] = rate;
        }

        foreach (var (currency, rate) in primary)
        {
            merged[currency] = rate;
        }

        return merged;
    }

    /// <summary>Converts through the rate service (~60 ms a call).</summary>
    public async Task<decimal> ConvertAsync(decimal amount, string from, string to)
    {
        await Network.RoundTripAsync(60);
        var rates = new Dictionary<string, decimal> { ["EUR"] = 1.00m, ["USD"] = 0.92m, ["GBP"] = 1.17m };
        return decimal.Round(amount * rates[from] / rates[to], 2);
    }
}
