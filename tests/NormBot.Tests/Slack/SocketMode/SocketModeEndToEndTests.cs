using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.SocketMode;

public sealed class SocketModeEndToEndTests
{
    [Test]
    public async Task Event_OverSocketMode_AckedAndHandledOnceAcrossRedelivery()
    {
        var handler = new RecordingMessageHandler();
        await using var env = await EmulatedSlackApp.StartAsync(socketMode: true, services: s => s.AddSingleton<IEventHandler<MessageEvent>>(handler));
        await env.Slack.WaitForConnectionAsync();
        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "Can someone check the deploy log?", "1700000000.000100");
        body["team_id"] = EmulatedSlackApp.TeamId; // events of a workspace NormBot is not installed in are ignored

        var first = await env.Slack.SendEventAsync(body);
        var retry = await env.Slack.SendEventAsync(body, retryAttempt: 1, retryReason: "timeout");

        Assert.That(first.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(retry.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        await env.App.InboxDrainedAsync();
        Assert.That(handler.Received, Has.Count.EqualTo(1));
        Assert.That(handler.Received.Single().Event.Text, Is.EqualTo("Can someone check the deploy log?"));
    }

    [Test]
    public async Task SlashCommand_OverSocketMode_ReplyRidesOnTheAck()
    {
        var handler = new ScriptedCommandHandler(c => Task.FromResult<JsonObject?>(new JsonObject { ["response_type"] = "ephemeral", ["text"] = $"echo: {c.Text}" }));
        await using var env = await EmulatedSlackApp.StartAsync(socketMode: true, services: s => s.AddSingleton<ISlashCommandHandler>(handler));
        await env.Slack.WaitForConnectionAsync();
        var fields = new JsonObject();
        foreach (var (key, value) in SlackPayloads.SlashCommand("help", "U0456ALICE", "C0123GENRL", EmulatedSlackApp.TeamId))
        {
            fields[key] = value;
        }

        var ack = await env.Slack.SendSlashCommandAsync(fields);

        Assert.That(ack.Payload?["text"]?.GetValue<string>(), Is.EqualTo("echo: help"));
    }

    [Test]
    public async Task Disconnect_RefreshRequested_ReconnectsAndKeepsDelivering()
    {
        var handler = new RecordingMessageHandler();
        await using var env = await EmulatedSlackApp.StartAsync(socketMode: true, services: s => s.AddSingleton<IEventHandler<MessageEvent>>(handler));
        await env.Slack.WaitForConnectionAsync();
        var opened = env.Slack.Calls.Count(c => c.Method == "apps.connections.open");

        await env.Slack.SendDisconnectAsync("refresh_requested");
        Assert.That(await Eventually.TrueAsync(() => env.Slack.Calls.Count(c => c.Method == "apps.connections.open") > opened), Is.True);
        await env.Slack.WaitForConnectionAsync();
        var body = SlackPayloads.Message("C0123GENRL", "U0456ALICE", "after the refresh", "1700000000.000900");
        body["team_id"] = EmulatedSlackApp.TeamId;
        await env.Slack.SendEventAsync(body);

        Assert.That(await Eventually.TrueAsync(() => handler.Received.Any(r => r.Event.Text == "after the refresh")), Is.True);
    }
}
