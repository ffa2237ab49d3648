using Showcase.Domain;

namespace Showcase.Services;

/// <summary>The billing system (~150 ms a call).</summary>
public sealed class BillingService
{
    public async Task<Account> GetAccountAsync(string accountId)
    {
        await Network.RoundTripAsync(150);
        return new Account(accountId, "Pro", 310.25m);
    }
}
