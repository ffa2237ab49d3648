using System;
using System.Collections.Immutable;

namespace AwaitAnalyzers.Independence;

/// <summary>What an operation's name says about it: a command (docs/design.md §3.4) or an ordering step (§3.3).</summary>
internal static class OperationNames
{
    /// <summary>docs/design.md §3.4: leading verbs of operations that change state.</summary>
    private static readonly ImmutableHashSet<string> CommandVerbs = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Add", "Apply", "Approve", "Cancel", "Charge", "Commit", "Confirm", "Create", "Delete", "Disable", "Enable",
        "Execute", "Handle", "Import", "Insert", "Invite", "Log", "Move", "Notify", "Patch", "Pay", "Post", "Process",
        "Publish", "Push", "Put", "Register", "Reject", "Remove", "Rename", "Replace", "Reset", "Run", "Save", "Send",
        "Set", "Start", "Stop", "Submit", "Sync", "Transfer", "Update", "Upgrade", "Upload", "Upsert", "Write",

        // More verbs that change what a service holds (seen on real code: scheduling, subscriptions, deployments).
        "Archive", "Assign", "Deploy", "Grant", "Install", "Interrupt", "Pause", "Purge", "Restart", "Restore",
        "Resume", "Revoke", "Schedule", "Subscribe", "Terminate", "Uninstall", "Unpublish", "Unregister", "Unschedule",
        "Unsubscribe",

        // Operations that consume or settle what a queue or a peer holds: receiving the next message takes it away.
        "Receive", "Take", "Consume", "Claim", "Reserve", "Acknowledge", "Ack", "Nack", "Reply", "Respond",

        // Operations that make sure a resource exists on a broker or a store: declaring an exchange creates it.
        "Declare", "Ensure", "Provision", "Bind", "Unbind");

    /// <summary>docs/design.md §3.3: leading words of calls that commit, finish or synchronise something.</summary>
    private static readonly ImmutableHashSet<string> OrderingVerbs = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Commit", "Flush", "Dispose", "Close", "Complete", "Lock", "Acquire", "Release", "Unlock");

    /// <summary>Words that name a lock anywhere in a name: <c>ObtainLock</c>, <c>TakeSemaphoreAsync</c>.</summary>
    private static readonly ImmutableHashSet<string> LockWords = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Lock", "Locks", "Semaphore", "Mutex", "Lease");

    /// <summary>docs/design.md §3.4: a leading word that says an operation changes state (the built-in list).</summary>
    public static bool IsCommandVerb(string word) => CommandVerbs.Contains(word);

    /// <summary>docs/design.md §3.3: a leading word that says a call commits, finishes or takes something.</summary>
    public static bool IsOrderingVerb(string word) => OrderingVerbs.Contains(word);

    /// <summary>docs/design.md §3.3: a name with a lock word in it (<c>ObtainLock</c>), whatever its first word.</summary>
    public static bool NamesALock(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || char.IsUpper(name[i]))
            {
                if (LockWords.Contains(name.Substring(start, i - start)))
                {
                    return true;
                }

                start = i;
            }
        }

        return false;
    }

    /// <summary>The first word of a PascalCase or camelCase name: <c>GetSettingsAsync</c> → <c>Get</c>.</summary>
    public static string FirstWord(string name)
    {
        var end = 1;
        while (end < name.Length && char.IsLower(name[end]))
        {
            end++;
        }

        return name.Length == 0 ? name : name.Substring(0, end);
    }
}
