using Showcase.Domain;
using Showcase.Services;

namespace Showcase.Application;

/// <summary>The account page: the billing account is found through the user.</summary>
public sealed class AccountService
{
    private readonly UserDirectory _users;
    private readonly BillingService _billing;

    public AccountService(UserDirectory users, BillingService billing)
    {
        _users = users;
        _billing = billing;
    }

    public async Task<AccountSummary> GetSummaryAsync(int userId)
    {
        var user = await _users.GetUserAsync(userId);
        var account = await _billing.GetAccountAsync(user.AccountId); // needs the user first: stays silent
        return new AccountSummary(user, account);
    }
}
