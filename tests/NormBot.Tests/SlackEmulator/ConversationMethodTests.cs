using System.Text.Json.Nodes;

namespace NormBot.Tests.SlackEmulator;

public sealed class ConversationMethodTests : EmulatorTestBase
{
    [Test]
    public async Task Info_KnownChannel_ReturnsChannelObject()
    {
        var result = await EmulatorHttp.GetAsync(Emulator, "conversations.info", [new("channel", General), new("include_num_members", "true")]);

        ShapeAssert.HasFields(result.Json, "ok", "channel");
        var channel = result.Json["channel"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)channel["id"], Is.EqualTo(General));
            Assert.That((string?)channel["name"], Is.EqualTo("general"));
            Assert.That((bool?)channel["is_member"], Is.True);
            Assert.That((int?)channel["num_members"], Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Info_Errors_AreSlackCodes()
    {
        var unknown = await CallAsync("conversations.info", new JsonObject { ["channel"] = "C0NOSUCH1" });
        var missing = await CallAsync("conversations.info", []);

        Assert.Multiple(() =>
        {
            Assert.That(unknown.Error, Is.EqualTo("channel_not_found"));
            Assert.That(missing.Error, Is.EqualTo("invalid_arguments"));
            Assert.That((string?)missing.Json["response_metadata"]!["messages"]![0], Does.Contain("channel"));
        });
    }

    [Test]
    public async Task History_ReturnsTopLevelNewestFirst_WithoutReplies()
    {
        var first = Emulator.Workspace.AddMessage(General, Alice, "one");
        var second = await PostAsync(General, "two");
        await PostAsync(General, "reply", first);

        var result = await CallAsync("conversations.history", new JsonObject { ["channel"] = General });

        ShapeAssert.HasFields(result.Json, "ok", "messages", "has_more", "response_metadata");
        var ts = result.Json["messages"]!.AsArray().Select(m => (string?)m!["ts"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ts, Is.EqualTo(new[] { second, first }));
            Assert.That((int?)result.Json["messages"]![1]!["reply_count"], Is.EqualTo(1));
        });
    }

    [Test]
    public async Task History_BotNotInChannel_NotInChannel()
    {
        var result = await CallAsync("conversations.history", new JsonObject { ["channel"] = Random });
        Assert.That(result.Error, Is.EqualTo("not_in_channel"));
    }

    [Test]
    public async Task Replies_ReturnsParentThenRepliesOldestFirst()
    {
        var parent = Emulator.Workspace.AddMessage(General, Alice, "q");
        var r1 = Emulator.Workspace.AddMessage(General, Bob, "a1", parent);
        var r2 = await PostAsync(General, "a2", parent);

        var result = await CallAsync("conversations.replies", new JsonObject { ["channel"] = General, ["ts"] = parent });
        var unknown = await CallAsync("conversations.replies", new JsonObject { ["channel"] = General, ["ts"] = "1.000001" });
        var missingTs = await CallAsync("conversations.replies", new JsonObject { ["channel"] = General });

        ShapeAssert.HasFields(result.Json, "ok", "messages", "has_more");
        var messages = result.Json["messages"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => (string?)m!["ts"]), Is.EqualTo(new[] { parent, r1, r2 }));
            Assert.That((string?)messages[1]!["parent_user_id"], Is.EqualTo(Alice));
            Assert.That(messages[0]!["reply_users"]!.AsArray().Select(u => (string?)u), Is.EquivalentTo(new[] { Bob, Emulator.BotUserId }));
            Assert.That(unknown.Error, Is.EqualTo("thread_not_found"));
            Assert.That(missingTs.Error, Is.EqualTo("invalid_arguments"));
        });
    }

    [Test]
    public async Task Members_ReturnsMembersAndEmptyCursor()
    {
        var result = await CallAsync("conversations.members", new JsonObject { ["channel"] = General });

        ShapeAssert.HasFields(result.Json, "ok", "members", "response_metadata");
        Assert.Multiple(() =>
        {
            Assert.That(result.Json["members"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { Emulator.BotUserId, Alice, Bob }));
            Assert.That((string?)result.Json["response_metadata"]!["next_cursor"], Is.Empty);
        });
    }

    [Test]
    public async Task Open_SameUserTwice_SameDmAndAlreadyOpen()
    {
        var first = await CallAsync("conversations.open", new JsonObject { ["users"] = Bob });
        var second = await CallAsync("conversations.open", new JsonObject { ["users"] = Bob, ["return_im"] = true });
        var unknown = await CallAsync("conversations.open", new JsonObject { ["users"] = "U0NOSUCH1" });

        Assert.Multiple(() =>
        {
            Assert.That(first.Ok, Is.True, first.RawBody);
            Assert.That(first.Json.ContainsKey("already_open"), Is.False);
            Assert.That((string?)second.Json["channel"]!["id"], Is.EqualTo((string?)first.Json["channel"]!["id"]));
            Assert.That((bool?)second.Json["already_open"], Is.True);
            Assert.That((bool?)second.Json["channel"]!["is_im"], Is.True);
            Assert.That((string?)second.Json["channel"]!["user"], Is.EqualTo(Bob));
            Assert.That(unknown.Error, Is.EqualTo("user_not_found"));
        });
    }
}
