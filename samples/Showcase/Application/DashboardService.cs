using Showcase.Domain;
using Showcase.Services;

namespace Showcase.Application;

/// <summary>Everything the home page shows about a user.</summary>
public sealed class DashboardService
{
    private readonly UserDirectory _users;
    private readonly OrderHistory _orders;
    private readonly RecommendationEngine _recommendations;
    private readonly ExchangeRateClient _rates;

    public DashboardService(UserDirectory users, OrderHistory orders, RecommendationEngine recommendations, ExchangeRateClient rates)
    {
        _users = users;
        _orders = orders;
        _recommendations = recommendations;
        _rates = rates;
    }

    public async Task<Dashboard> LoadAsync(int userId)
    {
        var user = await _users.GetUserAsync(userId); // AWAIT001
        var orders = await _orders.GetRecentOrdersAsync(userId);
        var recommendations = await _recommendations.GetRecommendationsAsync(userId);
        var rates = await _rates.GetRatesAsync("EUR");
        return new Dashboard(user, orders, recommendations, rates);
    }
}
