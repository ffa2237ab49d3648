using Showcase.Data;

namespace Showcase.Application;

/// <summary>
/// Both repositories' queries started by hand, as one would write Task.WhenAll to save time: they share the request's one
/// connection, which serves one operation at a time, so the second query throws while the first is pending.
/// </summary>
public sealed class AuditService
{
    private readonly OrderRepository _orders;
    private readonly InvoiceRepository _invoices;

    public AuditService(OrderRepository orders, InvoiceRepository invoices)
    {
        _orders = orders;
        _invoices = invoices;
    }

    /// <summary>The audit line, or what went wrong with the connection.</summary>
    public async Task<string> ReportAsync()
    {
        try
        {
            return await SummarizeAsync();
        }
        catch (InvalidOperationException error)
        {
            return $"Audit failed: {error.Message}";
        }
    }

    private async Task<string> SummarizeAsync()
    {
        var ordersTask = _orders.GetOpenOrdersAsync();
        var invoicesTask = _invoices.GetUnpaidInvoicesAsync(); // AWAIT003
        await Task.WhenAll(ordersTask, invoicesTask);
        return $"Audit: {(await ordersTask).Count} open order(s), {(await invoicesTask).Count} unpaid invoice(s)";
    }
}
