namespace Showcase.Services;

/// <summary>Stands in for a network or database round trip, so the effect of running calls together is measurable.</summary>
internal static class Network
{
    public static Task RoundTripAsync(int milliseconds) => Task.Delay(milliseconds);
}
