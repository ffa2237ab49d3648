using Showcase.Domain;
using Showcase.Services;

namespace Showcase.Application;

/// <summary>Shipping, totals and placing an order.</summary>
public sealed class FulfilmentService
{
    private readonly ShippingService _shipping;
    private readonly ExchangeRateClient _rates;
    private readonly Inventory _inventory;
    private readonly PaymentGateway _payments;

    public FulfilmentService(ShippingService shipping, ExchangeRateClient rates, Inventory inventory, PaymentGateway payments)
    {
        _shipping = shipping;
        _rates = rates;
        _inventory = inventory;
        _payments = payments;
    }

    public async Task<IReadOnlyList<ShippingQuote>> QuoteShippingAsync(IReadOnlyList<Order> orders)
    {
        var quotes = new List<ShippingQuote>();
        for (int i = 0; i < orders.Count; i++) // AWAIT002
        {
            var quote = await _shipping.QuoteAsync(orders[i]);
            quotes.Add(quote);
        }

        return quotes;
    }

    public async Task<decimal> TotalInEurosAsync(IReadOnlyList<Order> orders)
    {
        var total = 0m;
        foreach (var order in orders) // each iteration adds to the running total: stays silent
        {
            total += await _rates.ConvertAsync(order.Amount, order.Currency, "EUR");
        }

        return total;
    }

    public async Task PlaceOrderAsync(string accountId, string sku, decimal amount)
    {
        await _inventory.ReserveAsync(sku, 1);
        await _payments.ChargeAsync(accountId, amount); // reserve, then charge: ordered commands stay silent
    }
}
