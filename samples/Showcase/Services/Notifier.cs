namespace Showcase.Services;

/// <summary>Sends e-mail notifications (~100 ms each).</summary>
public sealed class Notifier
{
    private int _sent;

    public int Sent => _sent;

    public async Task NotifyAsync(string recipient, string message)
    {
        await Network.RoundTripAsync(100);
        Interlocked.Increment(ref _sent);
    }
}
