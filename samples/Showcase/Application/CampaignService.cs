using Showcase.Services;

namespace Showcase.Application;

/// <summary>A marketing campaign: who hears about it, and what it offers.</summary>
public sealed class CampaignService
{
    private readonly Notifier _notifier;
    private readonly PricingService _pricing;

    public CampaignService(Notifier notifier, PricingService pricing)
    {
        _notifier = notifier;
        _pricing = pricing;
    }

    public async Task AnnounceAsync(IReadOnlyList<string> recipients, string message)
    {
        foreach (var recipient in recipients) // AWAIT002
        {
            await _notifier.NotifyAsync(recipient, message);
        }
    }

    public async Task<IReadOnlyList<decimal>> GetPricesAsync(IReadOnlyList<string> skus)
    {
        var prices = new List<decimal>();
        foreach (var sku in skus) // AWAIT002
        {
            prices.Add(await _pricing.GetPriceAsync(sku));
        }

        return prices;
    }
}
