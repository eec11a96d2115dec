namespace NormBot.Slack.Api;

/// <summary>Slack's published rate-limit tier for each method NormBot calls, and the pace we keep for each tier.</summary>
public static class SlackMethodTiers
{
    public const string PostMessage = "chat.postMessage";

    /// <summary>Names as in <c>web-api/rate_limit_tiers.json</c> (a test keeps the two in step).</summary>
    public static IReadOnlyDictionary<string, string> ByMethod { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["auth.test"] = "SpecialTier_auth_test",
        [PostMessage] = "SpecialTier_chat_postMessage",
        ["chat.postEphemeral"] = "Tier4",
        ["chat.update"] = "Tier3",
        ["chat.getPermalink"] = "SpecialTier_chat_getPermalink",
        ["conversations.info"] = "Tier3",
        ["conversations.members"] = "Tier4",
        ["conversations.replies"] = "Tier3",
        ["users.info"] = "Tier4",
        ["dnd.info"] = "Tier3",
        ["views.publish"] = "Tier4",
        ["users.list"] = "Tier2",
        ["conversations.list"] = "Tier2",
        ["usergroups.users.list"] = "Tier2",
        ["apps.connections.open"] = "Tier1",
    };

    /// <summary>
    /// Bucket size and refill interval per tier. The rate is Slack's "N+ per minute" floor; the burst is small
    /// because Slack only says "small bursts are tolerated". Tier 1 keeps a burst of 3 so a Socket Mode
    /// rotation right after a reconnect does not stall for a minute.
    /// </summary>
    public static PaceRule RuleFor(string method) =>
        (ByMethod.TryGetValue(method, out var tier) ? tier : "Tier3") switch
        {
            "Tier1" => new(3, TimeSpan.FromMinutes(1)),
            "Tier2" => new(5, TimeSpan.FromSeconds(3)),
            "Tier4" => new(20, TimeSpan.FromSeconds(0.6)),
            // "Hundreds per minute" per the method pages; Tier 4's pace is comfortably below that.
            "SpecialTier_auth_test" or "SpecialTier_chat_getPermalink" => new(20, TimeSpan.FromSeconds(0.6)),
            // Per channel: about one message a second with short bursts.
            "SpecialTier_chat_postMessage" => new(3, TimeSpan.FromSeconds(1)),
            _ => new(10, TimeSpan.FromSeconds(1.2)),
        };
}

/// <summary>A token bucket shape: up to <see cref="Burst"/> calls at once, then one per <see cref="Interval"/>.</summary>
public sealed record PaceRule(int Burst, TimeSpan Interval);
