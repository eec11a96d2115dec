using NormBot.Protocols;
using static NormBot.Tests.Protocols.NormsTestApp;

namespace NormBot.Tests.Protocols.Commands;

/// <summary>The walkthrough as one story: a leader shapes the norms, a member looks and is refused.</summary>
public sealed class NormsWalkthroughTests
{
    [Test]
    public async Task Walkthrough_LeaderSetsNorms_ShowReflectsEachAndMemberIsRefused()
    {
        await using var app = await NormsTestApp.StartAsync();
        var steps = new (string Text, string Key, string Expected)[]
        {
            ("set hours 08:30-16:30", ProtocolKeys.Hours, "08:30-16:30"),
            ("set days mon-thu", ProtocolKeys.Days, "mon-thu"),
            ($"set response-time 2h <#{Support}|support>", ProtocolKeys.ResponseTime, "2h (channel)"),
            ($"set escalate-to <#{Incidents}|incidents> <#{Support}|support>", ProtocolKeys.EscalateTo, $"<#{Incidents}|incidents> (channel)"),
            ($"set urgent-channel <#{Incidents}|incidents>", ProtocolKeys.UrgentChannel, $"<#{Incidents}|incidents>"),
        };

        foreach (var (text, key, expected) in steps)
        {
            var reply = await app.SendAsync(ConfiguredLeader, text, Support);
            var show = await app.SendAsync(Member, "show", Support);
            await TestContext.Out.WriteLineAsync($"/norms {text}\n  → {reply.Text}\n  show {key}: {show.ValueOf(key)}");
            Assert.That(show.ValueOf(key), Is.EqualTo(expected), text);
        }

        var refused = await app.SendAsync(Member, "set response-time 1h");
        var banana = await app.SendAsync(ConfiguredLeader, "set response-time banana");
        var final = await app.SendAsync(Member, "show", Support);
        await TestContext.Out.WriteLineAsync($"member set → {refused.Text}\nbanana → {banana.Text}\nfinal show:\n{final.Text}");
        await TestContext.Out.WriteLineAsync((await app.SendAsync(ConfiguredLeader, "audit")).Text);

        Assert.That(refused.Text, Does.StartWith("Only leaders can use `/norms set`"));
        Assert.That(banana.Text, Does.StartWith("\"banana\" is not a duration"));
        Assert.That(final.ValueOf(ProtocolKeys.ResponseTime), Is.EqualTo("2h (channel)"));
        Assert.That(await app.AuditAsync(), Has.Count.EqualTo(steps.Length));
    }
}
