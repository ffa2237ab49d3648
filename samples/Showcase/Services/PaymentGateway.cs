namespace Showcase.Services;

/// <summary>Takes payments (~50 ms a call).</summary>
public sealed class PaymentGateway
{
    private int _charges;

    public int Charges => _charges;

    public async Task ChargeAsync(string accountId, decimal amount)
    {
        await Network.RoundTripAsync(50);
        Interlocked.Increment(ref _charges);
    }
}
