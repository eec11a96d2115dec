using Dapper;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Rules;

public sealed class NudgeLimitsTests : RulesTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Norms:Defaults:nudge-limit"] = "2",
        ["Norms:Defaults:context-grace"] = "0s",
    };

    [Test]
    public async Task NudgeLimit_ThirdNudgeInADay_NotSent()
    {
        for (var i = 0; i < 4; i++)
        {
            await Chat.SayAsync(TeamChat.Ana, $"URGENT: checkout is down again, attempt {i}");
        }

        await Chat.AdvanceAsync(TimeSpan.FromMinutes(1));
        await SettleAsync();

        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(2).Items);
    }

    [Test]
    public async Task NudgeLimit_NextDay_NudgesAgain()
    {
        await Chat.SayAsync(TeamChat.Ana, "URGENT: checkout is down");
        await Chat.SayAsync(TeamChat.Ana, "URGENT: checkout is down again");
        await Chat.SayAsync(TeamChat.Ana, "URGENT: still down");
        await Chat.AdvanceAsync(TimeSpan.FromHours(25));

        await Chat.SayAsync(TeamChat.Ana, "URGENT: the EU checkout is down");
        await SettleAsync();

        Assert.That(Calls("chat.postEphemeral"), Has.Exactly(3).Items);
    }

    [Test]
    public async Task Snooze_PersonSnoozed_NoNudgesUntilItEnds()
    {
        await using (var connection = Env.App.Database())
        {
            await connection.ExecuteAsync(
                "INSERT INTO user_snoozes (team_id, user_id, snoozed_until) VALUES ('T0EMULATOR', @User, @Until)",
                new { User = TeamChat.Ana, Until = Env.Time.GetUtcNow().AddHours(2).ToUnixTimeMilliseconds() });
        }

        await Chat.SayAsync(TeamChat.Ana, "URGENT: checkout is down");
        await Chat.SayAsync(TeamChat.Ana, "hi");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.That(Calls("chat.postEphemeral"), Is.Empty);

        await Chat.AdvanceAsync(TimeSpan.FromHours(2));
        await Chat.SayAsync(TeamChat.Ana, "URGENT: checkout is down once more");
        await WaitForAsync("chat.postEphemeral");
    }

    [Test]
    public async Task TrackingOff_Channel_NoRuleApplies()
    {
        await using (var connection = Env.App.Database())
        {
            await connection.ExecuteAsync(
                "INSERT INTO protocol_settings (team_id, scope, setting_key, setting_value, updated_at, updated_by) VALUES ('T0EMULATOR', @Channel, 'tracking', 'off', 0, 'U0LEAD')",
                new { Channel = TeamChat.General });
        }

        await Chat.SayAsync(TeamChat.Ana, "hi");
        await Chat.SayAsync(TeamChat.Ana, "URGENT: checkout is down");
        await Chat.SayAsync(TeamChat.Ana, "<@U0BOB> can you review the rollout plan before Thursday? https://docs.example/r");
        await Chat.AdvanceAsync(TimeSpan.FromHours(9));
        await SettleAsync();

        Assert.That(Env.Slack.Calls.Where(c => c.Method.StartsWith("chat.", StringComparison.Ordinal)), Is.Empty);
    }
}
