using System.Text.Json.Nodes;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.SlackEmulator;

/// <summary>Drives every emulated method with realistic arguments: each succeeds and, against Slack's specs, conforms.</summary>
public sealed class EmulatorContractConformanceTests : EmulatorTestBase
{
    private static readonly string[] EmulatedMethods =
    [
        "auth.test", "chat.postMessage", "chat.postEphemeral", "chat.update", "chat.getPermalink",
        "conversations.info", "conversations.replies", "conversations.history", "conversations.members", "conversations.open",
        "users.info", "users.profile.get", "dnd.info", "views.publish", "views.open", "reactions.add", "apps.connections.open", "oauth.v2.access",
        "users.list", "conversations.list", "usergroups.users.list",
    ];

    [Test]
    public async Task EveryMethod_RealisticCall_Succeeds()
    {
        var calls = await CallEveryMethodAsync();

        Assert.That(calls.Select(c => c.Method), Is.EquivalentTo(EmulatedMethods));
        Assert.That(calls.Where(c => (bool?)c.Response["ok"] != true), Is.Empty, "every realistic call succeeds");
    }

    [Test]
    [SlackSpecs]
    public async Task EveryMethod_RealisticCall_ConformsToOpenApiAndResponseShapes()
    {
        var calls = await CallEveryMethodAsync();

        var shapeless = calls.Where(c => ShapeAssert.FieldsNotInSlackShape(c.Method, c.Response) is null).Select(c => c.Method);
        Assert.Multiple(() =>
        {
            Assert.That(SlackOpenApiContract.Default.CheckAll(calls), Is.Empty);
            foreach (var call in calls)
            {
                Assert.That(ShapeAssert.FieldsNotInSlackShape(call.Method, call.Response) ?? [], Is.Empty, $"{call.Method}: fields not in web-api/shapes/{call.Method}.json");
            }

            // Slack's specs hold no response shape for these; every other method is checked.
            Assert.That(shapeless, Is.EquivalentTo(new[] { "conversations.open", "users.profile.get", "dnd.info", "oauth.v2.access", "conversations.list", "usergroups.users.list" }));
        });
    }

    private async Task<IReadOnlyList<RecordedCall>> CallEveryMethodAsync()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*Norm:* use kebab-case" } });
        var parent = Emulator.Workspace.AddMessage(General, Alice, "<@U0NORMBOT> what are the naming norms?");

        await Json("auth.test", []);
        var posted = await Json("chat.postMessage", new() { ["channel"] = General, ["text"] = "Norm: use kebab-case", ["blocks"] = blocks, ["thread_ts"] = parent, ["unfurl_links"] = false });
        var ts = (string)posted["ts"]!;
        await Json("chat.postEphemeral", new() { ["channel"] = General, ["user"] = Alice, ["text"] = "Only you can see this", ["thread_ts"] = parent });
        await Json("chat.update", new() { ["channel"] = General, ["ts"] = ts, ["text"] = "Norm (edited)", ["blocks"] = blocks.DeepClone() });
        await Get("chat.getPermalink", ("channel", General), ("message_ts", ts));
        await Get("conversations.info", ("channel", General), ("include_num_members", "true"));
        await Get("conversations.replies", ("channel", General), ("ts", parent), ("limit", "50"));
        await Get("conversations.history", ("channel", General), ("limit", "20"), ("oldest", "0"));
        await Get("conversations.members", ("channel", General), ("limit", "200"));
        await Json("conversations.open", new() { ["users"] = Bob });
        await Get("users.info", ("user", Alice), ("include_locale", "true"));
        await Get("users.profile.get", ("user", Alice), ("include_labels", "true"));
        await Get("dnd.info", ("user", Alice));
        await Json("views.publish", new() { ["user_id"] = Alice, ["view"] = Views.Home() });
        await Json("views.open", new() { ["trigger_id"] = "8077123450012.6230198411.4f1d2c9e", ["view"] = Views.Modal() });
        await Json("reactions.add", new() { ["channel"] = General, ["name"] = "eyes", ["timestamp"] = parent });
        await Json("apps.connections.open", [], token: "app");
        Emulator.Workspace.SetUserGroup("S0DESIGN1", Alice, Bob);
        await Get("users.list", ("limit", "200"));
        await Get("conversations.list", ("types", "public_channel,private_channel"), ("exclude_archived", "true"), ("limit", "200"));
        await Get("usergroups.users.list", ("usergroup", "S0DESIGN1"));
        var code = Emulator.CreateOAuthCode(Emulator.TeamId, redirectUri: "https://normbot.example.com/slack/oauth_redirect");
        var exchange = await EmulatorHttp.PostFormAsync(Emulator, "oauth.v2.access",
        [
            new("code", code), new("client_id", Emulator.Options.ClientId), new("client_secret", Emulator.Options.ClientSecret),
            new("redirect_uri", "https://normbot.example.com/slack/oauth_redirect"),
        ], token: null);
        Assert.That(exchange.Ok, Is.True, exchange.RawBody);
        return Emulator.Calls;
    }

    private async Task<JsonObject> Json(string method, JsonObject args, string token = "bot")
    {
        var result = await EmulatorHttp.PostJsonAsync(Emulator, method, args, token);
        Assert.That(result.Ok, Is.True, $"{method}: {result.RawBody}");
        return result.Json;
    }

    /// <summary>Read methods take query/form arguments only (the spec lists no JSON for them).</summary>
    private async Task Get(string method, params (string Key, string Value)[] query)
    {
        var result = await EmulatorHttp.GetAsync(Emulator, method, query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value)));
        Assert.That(result.Ok, Is.True, $"{method}: {result.RawBody}");
    }
}
