using Showcase.Domain;

namespace Showcase.Data;

/// <summary>Orders in the database, on the request's shared connection.</summary>
public sealed class OrderRepository
{
    private readonly InMemoryDbConnection _connection;

    public OrderRepository(InMemoryDbConnection connection)
    {
        _connection = connection;
    }

    public Task<IReadOnlyList<Order>> GetOpenOrdersAsync()
        => _connection.QueryAsync<IReadOnlyList<Order>>(
            "select id, amount, currency from orders where status = 'open'",
            () => new[] { new Order("ORD-7-9", 19.99m, "EUR") });
}
