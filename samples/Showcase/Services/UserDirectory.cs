using Showcase.Domain;

namespace Showcase.Services;

/// <summary>A remote user directory (~200 ms a call).</summary>
public sealed class UserDirectory
{
    public async Task<User> GetUserAsync(int userId)
    {
        await Network.RoundTripAsync(200);
        return new User(userId, "Ada Lovelace", $"ACC-{userId:D4}");
    }
}
