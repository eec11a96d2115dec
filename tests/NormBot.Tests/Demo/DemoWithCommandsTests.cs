using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Demo;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Demo;

/// <summary>
/// The same day once /norms and digests are in the build: a stand-in command handler answers and posts a digest,
/// and the transcript shows both without changes to the demo.
/// </summary>
public sealed class DemoWithCommandsTests
{
    [Test]
    public async Task CommandHandlerPresent_RepliesAndDigestReplaceTheComputedSummary()
    {
        var script = DemoScript.Load(Path.Combine(Repository.Root, "src", "NormBot", "Demo", "day.yaml"));
        using var output = new StringWriter();

        await new DemoRunner(script, output, TimeSpan.Zero, s => s.AddScoped<ISlashCommandHandler, StandInNorms>()).RunAsync(CancellationToken.None);

        var transcript = output.ToString();
        Assert.That(transcript, Does.Contain(">> NormBot answers maya only [/norms]: Set urgent-channel to #incidents."));
        Assert.That(transcript, Does.Not.Contain("this build has no /norms handler"));
        Assert.That(transcript, Does.Contain(">> NormBot posts in #general [channel post]:"));
        Assert.That(transcript, Does.Contain("Asks today: 5 opened"));
        Assert.That(transcript, Does.Contain("End of the day: NormBot's digest is above."));
        Assert.That(transcript, Does.Not.Contain("End-of-day summary"));
    }

    private sealed class StandInNorms(ISlackClients slack) : ISlashCommandHandler
    {
        public async Task<JsonObject?> HandleAsync(SlashCommand command, CancellationToken ct)
        {
            if (command.Text.StartsWith("digest", StringComparison.Ordinal))
            {
                await slack.For(command.TeamId).PostMessageAsync(new PostMessage(command.ChannelId, "Digest for today", [new SectionBlock(TextObject.Markdown("Asks today: 5 opened, 4 answered"))]), ct);
                return new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Digest posted." };
            }

            var words = command.Text.Split(' ');
            return new JsonObject { ["response_type"] = "ephemeral", ["text"] = $"Set {words[1]} to {words[2]}." };
        }
    }
}
