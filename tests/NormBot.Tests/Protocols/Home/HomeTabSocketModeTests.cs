using NormBot.Protocols.Home;
using NormBot.Tests.TestSupport;
using static NormBot.Tests.Protocols.NormsTestApp;

namespace NormBot.Tests.Protocols.Home;

public sealed class HomeTabSocketModeTests
{
    [Test]
    public async Task AppHomeOpened_OverSocketMode_PublishesTheHomeTab()
    {
        await using var app = await NormsTestApp.StartAsync(socketMode: true);
        var body = SlackPayloads.Event("app_home_opened.json", e => e["user"] = Member);
        body["team_id"] = Team;

        await app.Env.Slack.SendEventAsync(body);
        var call = await app.Env.Slack.WaitForCallAsync("views.publish");

        Assert.That(call.Args["user_id"]!.GetValue<string>(), Is.EqualTo(Member));
        Assert.That(call.Args["view"]!.ToJsonString(), Does.Contain(HomeViewBuilder.WaitsOnYouTitle).And.Contain(HomeViewBuilder.YourAsksTitle));
    }
}
