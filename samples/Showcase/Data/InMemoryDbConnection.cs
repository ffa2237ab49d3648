using System.Data;
using System.Data.Common;

namespace Showcase.Data;

/// <summary>
/// A fake database connection (~100 ms a query). Like a real ADO.NET connection or an EF Core DbContext, it serves
/// one operation at a time and throws when a second one starts while the first is pending.
/// </summary>
public sealed class InMemoryDbConnection : DbConnection
{
    private int _busy;
    private ConnectionState _state = ConnectionState.Closed;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString { get; set; } = "Data Source=:memory:";

    public override string Database => "showcase";

    public override string DataSource => ":memory:";

    public override string ServerVersion => "1.0";

    public override ConnectionState State => _state;

    public async Task<T> QueryAsync<T>(string sql, Func<T> read)
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1)
        {
            throw new InvalidOperationException($"A second operation was started on this connection before a previous operation completed: {sql}");
        }

        try
        {
            await Task.Delay(100);
            return read();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Open() => _state = ConnectionState.Open;

    public override void Close() => _state = ConnectionState.Closed;

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException();

    protected override DbCommand CreateDbCommand() => throw new NotSupportedException();
}
