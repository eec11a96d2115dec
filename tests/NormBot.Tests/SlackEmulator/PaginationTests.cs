using System.Globalization;
using System.Text.Json.Nodes;

namespace NormBot.Tests.SlackEmulator;

public sealed class PaginationTests : EmulatorTestBase
{
    [Test]
    public async Task Members_CursorLoop_VisitsEveryMemberExactlyOnce()
    {
        var ids = Enumerable.Range(0, 237).Select(i => string.Create(CultureInfo.InvariantCulture, $"U1{i:D8}")).ToList();
        ids.ForEach(id => Emulator.Workspace.AddUser(id, id.ToLowerInvariant()));
        Emulator.Workspace.AddChannel("C0BIG0001", "big", [Emulator.BotUserId, .. ids]);

        var seen = await CollectAsync("conversations.members", new JsonObject { ["channel"] = "C0BIG0001" }, "members", limit: 50, useGet: true);

        Assert.That(seen, Is.EqualTo(new[] { Emulator.BotUserId }.Concat(ids)));
    }

    [Test]
    public async Task History_CursorLoop_VisitsEveryMessageOnceNewestFirst()
    {
        var posted = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            posted.Add(Emulator.Workspace.AddMessage(General, Alice, $"m{i}"));
        }

        var seen = await CollectAsync("conversations.history", new JsonObject { ["channel"] = General }, "messages", limit: 5, useGet: false);

        Assert.That(seen, Is.EqualTo(Enumerable.Reverse(posted)));
    }

    [Test]
    public async Task Replies_CursorLoop_VisitsParentAndEveryReplyOnce()
    {
        var parent = Emulator.Workspace.AddMessage(General, Alice, "thread");
        var thread = new List<string> { parent };
        for (var i = 0; i < 9; i++)
        {
            thread.Add(Emulator.Workspace.AddMessage(General, i % 2 == 0 ? Bob : Alice, $"r{i}", parent));
        }

        var seen = await CollectAsync("conversations.replies", new JsonObject { ["channel"] = General, ["ts"] = parent }, "messages", limit: 4, useGet: true);

        Assert.That(seen, Is.EqualTo(thread));
    }

    [Test]
    public async Task GarbledCursor_InvalidCursor()
    {
        var result = await CallAsync("conversations.members", new JsonObject { ["channel"] = General, ["cursor"] = "not-a-cursor" });
        Assert.That(result.Error, Is.EqualTo("invalid_cursor"));
    }

    private async Task<List<string>> CollectAsync(string method, JsonObject args, string listField, int limit, bool useGet)
    {
        var seen = new List<string>();
        var cursor = string.Empty;
        for (var page = 0; page < 100; page++)
        {
            var pageArgs = args.DeepClone().AsObject();
            pageArgs["limit"] = limit;
            if (cursor.Length > 0)
            {
                pageArgs["cursor"] = cursor;
            }

            var result = useGet
                ? await EmulatorHttp.GetAsync(Emulator, method, pageArgs.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!.ToString())))
                : await CallAsync(method, pageArgs);
            Assert.That(result.Ok, Is.True, result.RawBody);
            var items = result.Json[listField]!.AsArray();
            Assert.That(items, Has.Count.LessThanOrEqualTo(limit));
            seen.AddRange(items.Select(i => i is JsonObject o ? (string)o["ts"]! : (string)i!));
            cursor = (string?)result.Json["response_metadata"]?["next_cursor"] ?? string.Empty;
            if (cursor.Length == 0)
            {
                return seen;
            }
        }

        Assert.Fail("cursor loop did not terminate");
        return seen;
    }
}
