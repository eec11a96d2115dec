using System.Text.Json.Nodes;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.SlackEmulator;

/// <summary>Drives every emulated method with realistic arguments and checks each call against the OpenAPI contract.</summary>
public sealed class EmulatorContractConformanceTests : EmulatorTestBase
{
    private static readonly string[] EmulatedMethods =
    [
        "auth.test", "chat.postMessage", "chat.postEphemeral", "chat.update", "chat.getPermalink",
        "conversations.info", "conversations.replies", "conversations.history", "conversations.members", "conversations.open",
        "users.info", "views.publish", "views.open", "reactions.add", "apps.connections.open",
        "users.list", "conversations.list", "usergroups.users.list",
    ];

    [Test]
    public async Task EveryMethod_RealisticCall_SucceedsAndConformsToSpec()
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
        await Json("views.publish", new() { ["user_id"] = Alice, ["view"] = SharedFiles.ReadJson("slack", "blockkit", "views", "view_home_002.json") });
        await Json("views.open", new() { ["trigger_id"] = "6100000000002.6100000000003.0a1b2c3d", ["view"] = SharedFiles.ReadJson("slack", "blockkit", "views", "view_modal_002.json") });
        await Json("reactions.add", new() { ["channel"] = General, ["name"] = "eyes", ["timestamp"] = parent });
        await Json("apps.connections.open", [], token: "app");
        Emulator.Workspace.SetUserGroup("S0DESIGN1", Alice, Bob);
        await Get("users.list", ("limit", "200"));
        await Get("conversations.list", ("types", "public_channel,private_channel"), ("exclude_archived", "true"), ("limit", "200"));
        await Get("usergroups.users.list", ("usergroup", "S0DESIGN1"));

        var calls = Emulator.Calls;
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Method), Is.EquivalentTo(EmulatedMethods));
            Assert.That(calls.Where(c => (bool?)c.Response["ok"] != true), Is.Empty, "every realistic call succeeds");
            Assert.That(SlackOpenApiContract.Default.CheckAll(calls), Is.Empty);
        });
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
