using System.Globalization;
using System.Text.Json.Nodes;

namespace NormBot.Tests.SlackEmulator;

public sealed class DirectoryMethodTests : EmulatorTestBase
{
    [Test]
    public async Task UsersList_PagesThroughEveryUserWithFlags()
    {
        Emulator.Workspace.AddUser("U0GONE001", "gone", deleted: true);
        Emulator.Workspace.AddUser("U0JIRABOT", "jira", isBot: true);

        var first = await EmulatorHttp.GetAsync(Emulator, "users.list", [new("limit", "2")]);
        var cursor = (string)first.Json["response_metadata"]!["next_cursor"]!;
        var rest = await EmulatorHttp.GetAsync(Emulator, "users.list", [new("limit", "200"), new("cursor", cursor)]);

        ShapeAssert.HasFields(first.Json, "ok", "members", "cache_ts", "response_metadata");
        var all = first.Json["members"]!.AsArray().Concat(rest.Json["members"]!.AsArray()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first.Json["members"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(cursor, Is.Not.Empty);
            Assert.That((string?)rest.Json["response_metadata"]!["next_cursor"], Is.Empty);
            Assert.That(all.Select(u => (string?)u!["id"]), Is.EquivalentTo(new[] { Emulator.BotUserId, Alice, Bob, "U0GONE001", "U0JIRABOT" }));
            Assert.That((bool?)all.Single(u => (string?)u!["id"] == "U0GONE001")!["deleted"], Is.True);
            Assert.That((bool?)all.Single(u => (string?)u!["id"] == "U0JIRABOT")!["is_bot"], Is.True);
        });
    }

    [Test]
    public async Task ConversationsList_PublicAndPrivateWhereTheBotIs_Paged()
    {
        for (var i = 0; i < 5; i++)
        {
            Emulator.Workspace.AddChannel(string.Create(CultureInfo.InvariantCulture, $"C0PAGE{i:D3}"), $"page-{i}", Alice);
        }

        Emulator.Workspace.AddChannel("G0SECRET1", "secret-with-bot", Emulator.BotUserId, Alice);
        Emulator.Workspace.AddChannel("G0SECRET2", "secret-without-bot", Alice);
        var seen = new List<string>();
        var cursor = "";
        do
        {
            List<KeyValuePair<string, string>> query = [new("types", "public_channel,private_channel"), new("exclude_archived", "true"), new("limit", "3")];
            if (cursor.Length > 0)
            {
                query.Add(new("cursor", cursor));
            }

            var page = await EmulatorHttp.GetAsync(Emulator, "conversations.list", query);
            Assert.That(page.Ok, Is.True, page.RawBody);
            Assert.That(page.Json["channels"]!.AsArray(), Has.Count.AtMost(3));
            seen.AddRange(page.Json["channels"]!.AsArray().Select(c => (string)c!["name"]!));
            cursor = (string)page.Json["response_metadata"]!["next_cursor"]!;
        }
        while (cursor.Length > 0);

        Assert.That(seen, Is.EquivalentTo(new[] { "general", "random", "page-0", "page-1", "page-2", "page-3", "page-4", "secret-with-bot" }));
    }

    [Test]
    public async Task ConversationsList_DefaultsToPublicChannels_RejectsUnknownTypes()
    {
        Emulator.Workspace.AddChannel("G0SECRET1", "secret", Emulator.BotUserId);

        var plain = await EmulatorHttp.GetAsync(Emulator, "conversations.list", []);
        var bad = await EmulatorHttp.GetAsync(Emulator, "conversations.list", [new("types", "public_channel,shared")]);

        Assert.Multiple(() =>
        {
            Assert.That(plain.Json["channels"]!.AsArray().Select(c => (string?)c!["name"]), Is.EquivalentTo(new[] { "general", "random" }));
            Assert.That(bad.Error, Is.EqualTo("invalid_types"));
        });
    }

    [Test]
    public async Task UserGroupMembers_KnownAndUnknownGroup()
    {
        Emulator.Workspace.SetUserGroup("S0DESIGN1", Alice, Bob);

        var known = await EmulatorHttp.GetAsync(Emulator, "usergroups.users.list", [new("usergroup", "S0DESIGN1")]);
        var unknown = await EmulatorHttp.GetAsync(Emulator, "usergroups.users.list", [new("usergroup", "S0NOSUCH1")]);
        var missing = await CallAsync("usergroups.users.list", []);

        Assert.Multiple(() =>
        {
            Assert.That(known.Json.Select(kv => kv.Key), Is.EquivalentTo(new[] { "ok", "users" }), "Slack's example answer has exactly these fields");
            Assert.That(known.Json["users"]!.AsArray().Select(u => (string?)u), Is.EqualTo(new[] { Alice, Bob }));
            Assert.That(unknown.Error, Is.EqualTo("no_such_subteam"));
            Assert.That(missing.Error, Is.EqualTo("invalid_arguments"));
        });
    }
}
