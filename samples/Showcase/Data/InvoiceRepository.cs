using Showcase.Domain;

namespace Showcase.Data;

/// <summary>Invoices in the database, on the request's shared connection.</summary>
public sealed class InvoiceRepository
{
    private readonly InMemoryDbConnection _connection;

    public InvoiceRepository(InMemoryDbConnection connection)
    {
        _connection = connection;
    }

    public Task<IReadOnlyList<Invoice>> GetUnpaidInvoicesAsync()
        => _connection.QueryAsync<IReadOnlyList<Invoice>>(
            "select id, amount from invoices where paid = 0",
            () => new[] { new Invoice("INV-2024-031", 310.25m), new Invoice("INV-2024-044", 12.00m) });
}
