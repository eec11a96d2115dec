using NormBot.Protocols.Commands;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;

namespace NormBot.Protocols.Home;

/// <summary>
/// The leaders' channel list in the Home tab (PRODUCT §16): each channel's mode, a Preview button that sends the leader
/// the 7-day preview of the other mode, and, after a week of observing, Switch to nudge. Only leaders change protocols,
/// so both check, whoever pressed.
/// </summary>
public sealed class LeaderHomeActions(
    LeaderPolicy policy, PreviewCommands preview, ProtocolStore settings, ProtocolService protocols, HomeViewBuilder home, ISlackClients clients)
    : IBlockActionHandler
{
    public const string Preview = "home_preview_mode";
    public const string SwitchToNudge = "home_mode_nudge";

    /// <summary>A trial week (PRODUCT §16) before the Home tab offers to turn nudges on.</summary>
    public static readonly TimeSpan TrialWeek = TimeSpan.FromDays(7);

    public IReadOnlyCollection<string> ActionIds { get; } = [Preview, SwitchToNudge];

    /// <summary>The buttons under a channel's line: value = "channel|mode to try".</summary>
    public static ActionsBlock Buttons(string channelId, bool observing, bool trialDone)
    {
        var other = observing ? ProtocolKeys.NudgeMode : ProtocolKeys.ObserveMode;
        var buttons = new List<BlockElement>
        {
            new ButtonElement(TextObject.Plain($"Preview {other} mode")) { ActionId = Preview, Value = $"{channelId}|{other}" },
        };
        if (observing && trialDone)
        {
            buttons.Add(new ButtonElement(TextObject.Plain("Switch to nudge")) { ActionId = SwitchToNudge, Value = channelId, Style = ButtonElement.Primary });
        }

        return new ActionsBlock(buttons);
    }

    public async Task HandleAsync(BlockActionRequest request, BlockAction action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        var slack = clients.For(request.TeamId);
        if (!await policy.IsLeaderAsync(request.TeamId, request.UserId, ct))
        {
            await slack.PostMessageAsync(new PostMessage(request.UserId, $"Only leaders change a channel's mode: {await policy.WhoCanAsync(request.TeamId, ct)}."), ct);
            return;
        }

        switch (action.ActionId, (action.Value ?? "").Split('|'))
        {
            case (Preview, [var channel, var mode and (ProtocolKeys.NudgeMode or ProtocolKeys.ObserveMode)]):
                var reply = await preview.PreviewAsync(request.TeamId, ProtocolKeys.Mode, mode, channel, ct);
                await slack.PostMessageAsync(new PostMessage(request.UserId, reply.Text, reply.Blocks), ct);
                break;
            case (SwitchToNudge, [var channel]):
                await settings.SetAsync(request.TeamId, channel, ProtocolKeys.Mode, ProtocolKeys.NudgeMode, request.UserId, ct);
                protocols.Invalidate(request.TeamId);
                await slack.PublishViewAsync(request.UserId, await home.BuildAsync(request.TeamId, request.UserId, ct), ct);
                break;
        }
    }
}
