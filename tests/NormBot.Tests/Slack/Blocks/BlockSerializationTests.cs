using System.Text.Json;
using System.Text.Json.Nodes;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Blocks;

public sealed class BlockSerializationTests
{
    // Keys our records model per "type"; a fixture block that uses anything else is outside our subset.
    private static readonly Dictionary<string, HashSet<string>> Modelled = new()
    {
        ["header"] = ["type", "block_id", "text"],
        ["section"] = ["type", "block_id", "text", "fields", "accessory"],
        ["context"] = ["type", "block_id", "elements"],
        ["divider"] = ["type", "block_id"],
        ["actions"] = ["type", "block_id", "elements"],
        ["button"] = ["type", "action_id", "text", "value", "url", "style"],
        ["plain_text"] = ["type", "text", "emoji"],
        ["mrkdwn"] = ["type", "text", "verbatim"],
    };

    // Option objects are the one modelled shape without a "type".
    private static readonly HashSet<string> OptionKeys = ["text", "value", "description"];

    private static IEnumerable<string> ViewFiles() => SlackSpecs.JsonFiles("blockkit", "views");

    [TestCaseSource(nameof(ViewFiles))]
    [SlackSpecs]
    public void Blocks_FromSlackSdkViews_RoundTripUnchanged(string file)
    {
        var view = SlackSpecs.ReadJson("blockkit", "views", file);
        var blocks = view["blocks"]!.AsArray().Where(IsModelled).ToList();

        foreach (var expected in blocks)
        {
            var block = expected.Deserialize<Block>(SlackApiJson.Options)!;
            var actual = JsonSerializer.SerializeToNode(block, SlackApiJson.Options);
            Assert.That(JsonNode.DeepEquals(actual, expected), Is.True, $"{file}: expected {expected!.ToJsonString()} got {actual!.ToJsonString()}");
        }
    }

    [Test]
    [SlackSpecs]
    public void Blocks_FromSlackSdkViews_CoverEveryModelledType()
    {
        var types = ViewFiles()
            .SelectMany(f => SlackSpecs.ReadJson("blockkit", "views", f)["blocks"]!.AsArray())
            .Where(IsModelled)
            .Select(b => (string)b!["type"]!)
            .ToHashSet();

        Assert.That(types, Is.SupersetOf(new[] { "section", "context", "divider", "actions" }));
    }

    [Test]
    public void OverdueDm_BuiltFromRecords_MatchesTheBlocksSlackEchoes()
    {
        // The bot message inside a block_actions payload is what Slack stored for our own post (block ids Slack's).
        var payload = Fixtures.ReadJson("interactivity", "block_actions.message_button.json");
        var expected = payload["message"]!["blocks"];
        const string Value = "C06PLATFRM|1764237600.001200";
        Block[] blocks =
        [
            new SectionBlock(Markdown(":hourglass_flowing_sand: <@U06MAYAK01> asked you something in <#C06PLATFRM> 4h of working time ago, and it's still waiting for a reply.")) { BlockId = "h0Ur1" },
            new SectionBlock(Markdown("> could you review the retry change in PR 412 before Friday's release?")) { BlockId = "qUo7e" },
            new ActionsBlock(
            [
                new ButtonElement(TextObject.Plain("Reply now")) { ActionId = "ask_reply_now", Url = "https://acme-platform.slack.com/archives/C06PLATFRM/p1764237600001200", Style = ButtonElement.Primary },
                new ButtonElement(TextObject.Plain("Mark answered")) { ActionId = "ask_answered", Value = Value },
                new ButtonElement(TextObject.Plain("Snooze 1h")) { ActionId = "ask_snooze", Value = Value },
            ]) { BlockId = "aCt10" },
        ];

        var actual = JsonSerializer.SerializeToNode(blocks, SlackApiJson.Options);

        Assert.That(JsonNode.DeepEquals(actual, expected), Is.True, actual!.ToJsonString());
    }

    [Test]
    public void HomeView_WithHeader_SerialisesTypeFirstAndOmitsNulls()
    {
        var view = View.Home([new HeaderBlock(TextObject.Plain("Team norms")), new DividerBlock()]);

        var json = JsonSerializer.Serialize(view, SlackApiJson.Options);

        Assert.That(json, Is.EqualTo("""{"type":"home","blocks":[{"type":"header","text":{"type":"plain_text","text":"Team norms","emoji":true}},{"type":"divider"}]}"""));
    }

    private static TextObject Markdown(string text) => TextObject.Markdown(text) with { Verbatim = false };

    private static bool IsModelled(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"] is null => obj.All(p => OptionKeys.Contains(p.Key) && IsModelled(p.Value)),
        JsonObject obj => obj["type"] is JsonValue type
            && Modelled.TryGetValue((string)type!, out var keys)
            && obj.All(p => keys.Contains(p.Key) && IsModelled(p.Value)),
        JsonArray array => array.All(IsModelled),
        _ => true,
    };
}
