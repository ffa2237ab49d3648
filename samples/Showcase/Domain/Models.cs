namespace Showcase.Domain;

public sealed record User(int Id, string Name, string AccountId);

public sealed record Order(string Id, decimal Amount, string Currency);

public sealed record Account(string Id, string Plan, decimal Balance);

public sealed record Product(string Sku, string Name);

public sealed record Review(string Author, int Stars);

public sealed record ShippingQuote(string OrderId, string Carrier, decimal Cost);


public sealed record Invoice(string Id, decimal Amount);

public sealed record Dashboard(User User, IReadOnlyList<Order> Orders, IReadOnlyList<string> Recommendations, IReadOnlyDictionary<string, decimal> Rates);

public sealed record ProductPage(Product Product, int Stock, IReadOnlyList<Review> Reviews);

public sealed record AccountSummary(User User, Account Account);

public sealed record Backlog(IReadOnlyList<Order> OpenOrders, IReadOnlyList<Invoice> UnpaidInvoices);
