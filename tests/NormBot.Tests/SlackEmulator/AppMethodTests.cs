using System.Text.Json.Nodes;
namespace NormBot.Tests.SlackEmulator;

public sealed class AppMethodTests : EmulatorTestBase
{
    [Test]
    public async Task AuthTest_BotToken_ReturnsIdentity()
    {
        var result = await CallAsync("auth.test", []);

        ShapeAssert.HasFields(result.Json, "ok", "url", "team", "user", "team_id", "user_id", "bot_id");
        Assert.Multiple(() =>
        {
            Assert.That((string?)result.Json["user_id"], Is.EqualTo(Emulator.BotUserId));
            Assert.That((string?)result.Json["team_id"], Is.EqualTo(Emulator.TeamId));
        });
    }

    [Test]
    public async Task UsersInfo_SeededUser_ReturnsProfileAndTimezone()
    {
        var result = await EmulatorHttp.GetAsync(Emulator, "users.info", [new("user", Alice)]);
        var unknown = await CallAsync("users.info", new JsonObject { ["user"] = "U0NOSUCH1" });

        ShapeAssert.HasFields(result.Json, "ok", "user");
        var user = result.Json["user"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)user["name"], Is.EqualTo("alice"));
            Assert.That((string?)user["tz"], Is.EqualTo("Europe/Berlin"));
            Assert.That((int?)user["tz_offset"], Is.EqualTo(3600).Or.EqualTo(7200));
            Assert.That((bool?)user["is_admin"], Is.True);
            Assert.That((bool?)user["is_bot"], Is.False);
            Assert.That((string?)user["profile"]!["display_name"], Is.EqualTo("alice"));
            Assert.That(unknown.Error, Is.EqualTo("user_not_found"));
        });
    }

    [Test]
    public async Task ViewsPublish_HomeView_StoredAndHashEnforced()
    {
        var view = Views.Home();

        var result = await CallAsync("views.publish", new JsonObject { ["user_id"] = Alice, ["view"] = view });
        var stale = await CallAsync("views.publish", new JsonObject { ["user_id"] = Alice, ["view"] = view.DeepClone(), ["hash"] = "stale.hash" });

        ShapeAssert.HasFields(result.Json, "ok", "view");
        Assert.Multiple(() =>
        {
            Assert.That((string?)result.Json["view"]!["id"], Does.StartWith("V"));
            Assert.That((string?)result.Json["view"]!["type"], Is.EqualTo("home"));
            Assert.That(Emulator.Workspace.GetHomeView(Alice), Is.Not.Null);
            Assert.That(stale.Error, Is.EqualTo("hash_conflict"));
        });
    }

    [Test]
    public async Task ViewsOpen_ModalAsFormString_ReturnsView()
    {
        var view = Views.Modal();
        var fields = new Dictionary<string, string> { ["trigger_id"] = "123.456.abc", ["view"] = view.ToJsonString() };

        var result = await EmulatorHttp.PostFormAsync(Emulator, "views.open", fields);
        var noTrigger = await CallAsync("views.open", new JsonObject { ["view"] = view.DeepClone() });

        ShapeAssert.HasFields(result.Json, "ok", "view");
        var call = Emulator.Calls[0];
        Assert.Multiple(() =>
        {
            Assert.That(call.Args["view"], Is.InstanceOf<JsonObject>(), "form JSON strings are recorded as JSON");
            Assert.That((string?)result.Json["view"]!["type"], Is.EqualTo("modal"));
            Assert.That(noTrigger.Error, Is.EqualTo("invalid_arguments"));
        });
    }

    [Test]
    public async Task ReactionsAdd_TwiceOnSameMessage_AlreadyReacted()
    {
        var ts = Emulator.Workspace.AddMessage(General, Alice, "nice");
        var args = new JsonObject { ["channel"] = General, ["name"] = "white_check_mark", ["timestamp"] = ts };

        var first = await CallAsync("reactions.add", args);
        var second = await CallAsync("reactions.add", args.DeepClone().AsObject());
        var missing = await CallAsync("reactions.add", new JsonObject { ["channel"] = General, ["name"] = "x", ["timestamp"] = "1.000001" });

        ShapeAssert.HasFields(first.Json, "ok");
        Assert.Multiple(() =>
        {
            Assert.That(first.Ok, Is.True, first.RawBody);
            Assert.That(second.Error, Is.EqualTo("already_reacted"));
            Assert.That(missing.Error, Is.EqualTo("message_not_found"));
            Assert.That((string?)Emulator.Workspace.FindMessage(General, ts)!["reactions"]![0]!["name"], Is.EqualTo("white_check_mark"));
        });
    }

    [Test]
    public async Task AppsConnectionsOpen_AppToken_FreshWebSocketUrlEachTime()
    {
        var first = await CallAsync("apps.connections.open", [], token: "app");
        var second = await CallAsync("apps.connections.open", [], token: "app");

        ShapeAssert.HasFields(first.Json, "ok", "url");
        Assert.Multiple(() =>
        {
            Assert.That((string?)first.Json["url"], Does.StartWith($"ws://127.0.0.1:{Emulator.ApiBaseUrl.Port}/socket?ticket="));
            Assert.That((string?)second.Json["url"], Is.Not.EqualTo((string?)first.Json["url"]));
        });
    }
}
