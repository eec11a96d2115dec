using System.Text.Json.Nodes;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.SlackEmulator;

public sealed class ResponseUrlAndRecordingTests : EmulatorTestBase
{
    [Test]
    public async Task ResponseUrl_PostIsRecordedWithJsonBody()
    {
        var url = Emulator.CreateResponseUrl();
        var body = Fixtures.ReadJson("commands", "response_url.ephemeral.json");

        var result = await EmulatorHttp.PostToUrlAsync(url, body);

        var call = await Emulator.WaitForCallAsync("response_url");
        Assert.Multiple(() =>
        {
            Assert.That(url, Does.Match($@"^http://127\.0\.0\.1:{Emulator.ApiBaseUrl.Port}/response/\w+$"));
            Assert.That(result.Ok, Is.True);
            Assert.That(call.Args.ToJsonString(), Is.EqualTo(body.ToJsonString()));
        });
    }

    [Test]
    public async Task ResponseUrl_SixthUse_Fails()
    {
        var url = Emulator.CreateResponseUrl();
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await EmulatorHttp.PostToUrlAsync(url, new JsonObject { ["text"] = "x" })).Status);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 200, 200, 200, 200, 200, 404 }));
    }

    [Test]
    public async Task WaitForCall_MatchesLaterCall()
    {
        var wait = Emulator.WaitForCallAsync("chat.postMessage", c => (string?)c.Args["text"] == "second");

        await PostAsync(General, "first");
        await PostAsync(General, "second");
        var call = await wait;

        Assert.Multiple(() =>
        {
            Assert.That((string?)call.Args["text"], Is.EqualTo("second"));
            Assert.That(call.Token, Is.EqualTo(Emulator.BotToken));
            Assert.That(call.HttpMethod, Is.EqualTo("POST"));
            Assert.That((bool?)call.Response["ok"], Is.True);
        });
    }

    [Test]
    public async Task WaitForCall_Timeout_ListsCallsSeen()
    {
        await PostAsync(General, "hello");

        var error = Assert.ThrowsAsync<TimeoutException>(() => Emulator.WaitForCallAsync("views.publish", timeout: TimeSpan.FromMilliseconds(100)));

        Assert.That(error!.Message, Does.Contain("chat.postMessage"));
        Assert.That(error.Message, Does.Not.Contain(Emulator.BotToken));
    }

    [Test]
    public async Task ClearCalls_EmptiesLog()
    {
        await PostAsync(General, "x");
        Emulator.ClearCalls();
        Assert.That(Emulator.Calls, Is.Empty);
    }
}
