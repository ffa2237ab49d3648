using Showcase.Data;
using Showcase.Domain;

namespace Showcase.Application;

/// <summary>What is still open: both repositories share the request's one database connection.</summary>
public sealed class BacklogService
{
    private readonly OrderRepository _orders;
    private readonly InvoiceRepository _invoices;

    public BacklogService(OrderRepository orders, InvoiceRepository invoices)
    {
        _orders = orders;
        _invoices = invoices;
    }

    public async Task<Backlog> LoadAsync()
    {
        var openOrders = await _orders.GetOpenOrdersAsync();
        var unpaidInvoices = await _invoices.GetUnpaidInvoicesAsync(); // one connection serves both: stays silent
        return new Backlog(openOrders, unpaidInvoices);
    }
}
