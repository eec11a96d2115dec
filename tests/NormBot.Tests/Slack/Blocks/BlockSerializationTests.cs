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

    private static IEnumerable<string> ViewFiles() =>
        Directory.GetFiles(SharedFiles.Path("slack", "blockkit", "views"), "*.json").Select(Path.GetFileName)!;

    [TestCaseSource(nameof(ViewFiles))]
    public void Blocks_FromSlackSdkViews_RoundTripUnchanged(string file)
    {
        var view = SharedFiles.ReadJson("slack", "blockkit", "views", file);
        var blocks = view["blocks"]!.AsArray().Where(IsModelled).ToList();

        foreach (var expected in blocks)
        {
            var block = expected.Deserialize<Block>(SlackApiJson.Options)!;
            var actual = JsonSerializer.SerializeToNode(block, SlackApiJson.Options);
            Assert.That(JsonNode.DeepEquals(actual, expected), Is.True, $"{file}: expected {expected!.ToJsonString()} got {actual!.ToJsonString()}");
        }
    }

    [Test]
    public void Blocks_FromSlackSdkViews_CoverEveryModelledType()
    {
        var types = ViewFiles()
            .SelectMany(f => SharedFiles.ReadJson("slack", "blockkit", "views", f)["blocks"]!.AsArray())
            .Where(IsModelled)
            .Select(b => (string)b!["type"]!)
            .ToHashSet();

        Assert.That(types, Is.SupersetOf(new[] { "section", "context", "divider", "actions" }));
    }

    [Test]
    public void NormMessage_BuiltFromRecords_MatchesTheBlocksSlackEchoes()
    {
        // The bot message inside the block_actions envelope is what Slack stored for our own post.
        var envelope = SharedFiles.ReadJson("slack", "socket-mode", "authored", "envelope.interactive.block_actions.json");
        var expected = envelope["payload"]!["message"]!["blocks"];
        Block[] blocks =
        [
            new SectionBlock(TextObject.Markdown("Here is what I found about *naming norms*.") with { Verbatim = false }) { BlockId = "nb01" },
            new ActionsBlock(
            [
                new ButtonElement(TextObject.Plain("Helpful")) { ActionId = "norm_helpful", Value = "norm:42:yes", Style = ButtonElement.Primary },
                new ButtonElement(TextObject.Plain("Not helpful")) { ActionId = "norm_not_helpful", Value = "norm:42:no" },
            ]) { BlockId = "nb_feedback" },
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
