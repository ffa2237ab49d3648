// AwaitAnalyzers showcase: one request of a small web shop's service layer, with its I/O simulated by Task.Delay.
// It prints what it loaded, then how long that took (the last line, "Elapsed: N ms").
using System.Diagnostics;
using System.Globalization;
using Showcase.Application;
using Showcase.Data;
using Showcase.Services;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var users = new UserDirectory();
var rates = new ExchangeRateClient(
    primary: new RateFeed(150, new Dictionary<string, decimal> { ["USD"] = 1.09m, ["GBP"] = 0.86m }),
    fallback: new RateFeed(150, new Dictionary<string, decimal> { ["USD"] = 1.08m, ["JPY"] = 163.20m, ["CHF"] = 0.95m }));
var inventory = new Inventory();
var notifier = new Notifier();
var payments = new PaymentGateway();
using var connection = new InMemoryDbConnection(); // one connection per request, as dependency injection would scope it

var dashboards = new DashboardService(users, new OrderHistory(), new RecommendationEngine(), rates);
var productPages = new ProductPageService(new ProductCatalog(), inventory, new ReviewService());
var accounts = new AccountService(users, new BillingService());
var campaigns = new CampaignService(notifier, new PricingService());
var fulfilment = new FulfilmentService(new ShippingService(), rates, inventory, payments);
var backlog = new BacklogService(new OrderRepository(connection), new InvoiceRepository(connection));

var stopwatch = Stopwatch.StartNew();

var dashboard = await dashboards.LoadAsync(7);
Console.WriteLine($"Dashboard for {dashboard.User.Name} ({dashboard.User.AccountId})");
Console.WriteLine($"  recent orders:   {string.Join(", ", dashboard.Orders.Select(o => $"{o.Id} {o.Amount} {o.Currency}"))}");
Console.WriteLine($"  recommended:     {string.Join("; ", dashboard.Recommendations)}");
Console.WriteLine($"  rates from EUR:  {string.Join(", ", dashboard.Rates.Select(r => $"{r.Key} {r.Value}"))}");

var page = await productPages.LoadAsync("GEAR-42");
Console.WriteLine($"Product {page.Product.Sku} \"{page.Product.Name}\": {page.Stock} in stock, {page.Reviews.Count} reviews, {page.Reviews.Average(r => r.Stars):0.0} stars");

var comparison = await productPages.CompareAsync("GEAR-42", "CAM-7");
Console.WriteLine($"Compare {comparison}");

var summary = await accounts.GetSummaryAsync(7);
Console.WriteLine($"Account {summary.Account.Id} of {summary.User.Name}: plan {summary.Account.Plan}, balance {summary.Account.Balance}");

var recipients = new[] { "ada@example.com", "charles@example.com", "mary@example.com", "john@example.com", "grace@example.com" };
await campaigns.AnnounceAsync(recipients, "Spring sale: 20% off brass gears");
Console.WriteLine($"Campaign announced to {notifier.Sent} recipients");

var skus = new[] { "GEAR-42", "CAM-7", "LEVER-1003", "SPRING-9", "AXLE-88" };
var prices = await campaigns.GetPricesAsync(skus);
Console.WriteLine($"Campaign prices:   {string.Join(", ", skus.Zip(prices, (sku, price) => $"{sku} {price}"))}");
Console.WriteLine($"Units in stock:    {await new StockReportService(inventory).PrintAsync(skus)}");

var quotes = await fulfilment.QuoteShippingAsync(dashboard.Orders);
Console.WriteLine($"Shipping quotes:   {string.Join(", ", quotes.Select(q => $"{q.OrderId} {q.Carrier} {q.Cost}"))}");

var total = await fulfilment.TotalInEurosAsync(dashboard.Orders);
Console.WriteLine($"Orders total:      {total} EUR");

await fulfilment.PlaceOrderAsync(summary.Account.Id, "GEAR-42", prices[0]);
Console.WriteLine($"Order placed: {payments.Charges} charge(s) taken");

var open = await backlog.LoadAsync();
Console.WriteLine($"Backlog: {open.OpenOrders.Count} open order(s), unpaid invoices {string.Join(", ", open.UnpaidInvoices.Select(i => $"{i.Id} {i.Amount}"))}");
Console.WriteLine(await new AuditService(new OrderRepository(connection), new InvoiceRepository(connection)).ReportAsync());

stopwatch.Stop();
Console.WriteLine($"Elapsed: {stopwatch.ElapsedMilliseconds} ms");
