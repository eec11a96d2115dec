using System.Text.Json.Nodes;

namespace NormBot.Tests.SlackEmulator;

public sealed class ChatMethodTests : EmulatorTestBase
{
    private static JsonArray SectionBlocks(string text) =>
        [new JsonObject { ["type"] = "section", ["block_id"] = "b1", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text } }];

    [Test]
    public async Task PostMessage_ValidCall_ReturnsSlackShapeAndStoresMessage()
    {
        var result = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = General, ["text"] = "hi", ["blocks"] = SectionBlocks("*hi*") });

        ShapeAssert.HasFields(result.Json, "ok", "channel", "ts", "message");
        var ts = (string)result.Json["ts"]!;
        Assert.Multiple(() =>
        {
            Assert.That(ts, Does.Match(@"^\d{10}\.\d{6}$"));
            Assert.That((string?)result.Json["message"]!["bot_id"], Is.EqualTo("B0NORMBOT"));
            Assert.That((string?)Emulator.Workspace.FindMessage(General, ts)?["text"], Is.EqualTo("hi"));
        });
    }

    [Test]
    public async Task PostMessage_FormBody_ParsesBlocksJsonStringIntoArgs()
    {
        var fields = new Dictionary<string, string> { ["channel"] = General, ["text"] = "hi", ["blocks"] = SectionBlocks("x").ToJsonString() };

        var result = await EmulatorHttp.PostFormAsync(Emulator, "chat.postMessage", fields);

        var call = await Emulator.WaitForCallAsync("chat.postMessage");
        Assert.Multiple(() =>
        {
            Assert.That(result.Ok, Is.True, result.RawBody);
            Assert.That(call.Args["blocks"], Is.InstanceOf<JsonArray>());
            Assert.That(call.ContentType, Does.StartWith("application/x-www-form-urlencoded"));
            Assert.That(result.Json.ContainsKey("warning"), Is.False);
        });
    }

    [Test]
    public async Task PostMessage_ToUserId_LandsInDmThatConversationsOpenReturns()
    {
        var posted = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = Alice, ["text"] = "psst" });
        var opened = await CallAsync("conversations.open", new JsonObject { ["users"] = Alice });

        Assert.Multiple(() =>
        {
            Assert.That((string?)posted.Json["channel"], Does.StartWith("D"));
            Assert.That((string?)opened.Json["channel"]!["id"], Is.EqualTo((string?)posted.Json["channel"]));
            Assert.That(Emulator.Workspace.GetMessages((string)posted.Json["channel"]!), Has.Count.EqualTo(1));
        });
    }

    [TestCase(null, "invalid_arguments")]
    [TestCase("C0NOSUCH1", "channel_not_found")]
    [TestCase("U0NOSUCH1", "channel_not_found")]
    [TestCase(Random, "not_in_channel")]
    public async Task PostMessage_BadChannel_ReturnsSlackError(string? channel, string error)
    {
        var args = new JsonObject { ["text"] = "x" };
        if (channel is not null)
        {
            args["channel"] = channel;
        }

        var result = await CallAsync("chat.postMessage", args);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(200));
            Assert.That(result.Ok, Is.False);
            Assert.That(result.Error, Is.EqualTo(error));
        });
    }

    [Test]
    public async Task PostMessage_ChannelName_ResolvesButInfoNeedsId()
    {
        var posted = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "#general", ["text"] = "x" });
        var info = await CallAsync("conversations.info", new JsonObject { ["channel"] = "general" });

        Assert.Multiple(() =>
        {
            Assert.That((string?)posted.Json["channel"], Is.EqualTo(General));
            Assert.That(info.Error, Is.EqualTo("channel_not_found"));
        });
    }

    [Test]
    public async Task PostMessage_NoTextOrBlocks_ReturnsNoText()
    {
        var result = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = General });
        Assert.That(result.Error, Is.EqualTo("no_text"));
    }

    [Test]
    public async Task PostEphemeral_MemberUser_ReturnsMessageTs()
    {
        var ok = await CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = General, ["user"] = Alice, ["text"] = "only you" });
        var missingUser = await CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = General, ["text"] = "x" });
        var unknownUser = await CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = General, ["user"] = "U0NOSUCH1", ["text"] = "x" });

        ShapeAssert.HasFields(ok.Json, "ok", "message_ts");
        Assert.Multiple(() =>
        {
            Assert.That(missingUser.Error, Is.EqualTo("invalid_arguments"));
            Assert.That(unknownUser.Error, Is.EqualTo("user_not_found"));
        });
    }

    [Test]
    public async Task Update_BotMessage_EditsStoredMessage()
    {
        var ts = await PostAsync(General, "draft");

        var result = await CallAsync("chat.update", new JsonObject { ["channel"] = General, ["ts"] = ts, ["text"] = "final" });
        var missing = await CallAsync("chat.update", new JsonObject { ["channel"] = General, ["ts"] = "1.000001", ["text"] = "x" });

        ShapeAssert.HasFields(result.Json, "ok", "channel", "ts", "text", "message");
        var stored = Emulator.Workspace.FindMessage(General, ts)!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)stored["text"], Is.EqualTo("final"));
            Assert.That(stored["edited"], Is.Not.Null);
            Assert.That(missing.Error, Is.EqualTo("message_not_found"));
        });
    }

    [Test]
    public async Task Update_HumanMessage_CantUpdate()
    {
        var ts = Emulator.Workspace.AddMessage(General, Alice, "mine");
        var result = await CallAsync("chat.update", new JsonObject { ["channel"] = General, ["ts"] = ts, ["text"] = "x" });
        Assert.That(result.Error, Is.EqualTo("cant_update_message"));
    }

    [Test]
    public async Task GetPermalink_TopLevelAndReply_BuildsArchiveLinks()
    {
        var parent = Emulator.Workspace.AddMessage(General, Alice, "question");
        var reply = await PostAsync(General, "answer", parent);

        var top = await EmulatorHttp.GetAsync(Emulator, "chat.getPermalink", [new("channel", General), new("message_ts", parent)]);
        var threaded = await CallAsync("chat.getPermalink", new JsonObject { ["channel"] = General, ["message_ts"] = reply });

        ShapeAssert.HasFields(top.Json, "ok", "channel", "permalink");
        Assert.Multiple(() =>
        {
            Assert.That((string?)top.Json["permalink"], Is.EqualTo($"https://emulator.slack.test/archives/{General}/p{parent.Replace(".", "", StringComparison.Ordinal)}"));
            Assert.That((string?)threaded.Json["permalink"], Does.EndWith($"?thread_ts={parent}&cid={General}"));
        });
    }
}
