using System.Globalization;
using NormBot.Norms.Asks;
using NormBot.Protocols;
using NormBot.Protocols.Commands;
using NormBot.Slack.Events;

namespace NormBot.Norms.People;

/// <summary>
/// <c>holiday add|remove</c> (leaders, audited) and <c>holidays</c> (everyone). A holiday is a day off in each person's own
/// calendar: every clock in its scope pauses that local day, so the open asks there are worked out again at once.
/// </summary>
public sealed class HolidayCommands(HolidayStore holidays, ProtocolService protocols, AskClock clock, TimeProvider time)
{
    public async Task<NormsReply> AddAsync(HolidayAddCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        if (!TryScope(command.Channel, invocation, out var scope, out var error))
        {
            return SettingCommands.Refused("holiday", error);
        }

        var holiday = new Holiday(scope, command.First, command.Last, command.HolidayName);
        var replaced = await holidays.AddAsync(invocation.TeamId, holiday, invocation.UserId, ct);
        await clock.RecomputeForChannelAsync(invocation.TeamId, ChannelOf(scope), ct);
        var instead = replaced is null ? string.Empty : $" It replaces {replaced}.";
        return new NormsReply($"Holiday added for {SlackRefResolver.Describe(scope)}: {holiday}. Nobody's clock there runs on it, in their own calendar.{instead}");
    }

    public async Task<NormsReply> RemoveAsync(HolidayRemoveCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        if (!TryScope(command.Channel, invocation, out var scope, out var error))
        {
            return SettingCommands.Refused("holiday", error);
        }

        var removed = await holidays.RemoveAsync(invocation.TeamId, scope, command.Day, invocation.UserId, ct);
        if (removed.Count == 0)
        {
            return new NormsReply($"{SlackRefResolver.Describe(scope)} has no holiday on {command.Day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}. Nothing changed.");
        }

        await clock.RecomputeForChannelAsync(invocation.TeamId, ChannelOf(scope), ct);
        return new NormsReply($"Removed from {SlackRefResolver.Describe(scope)}: {string.Join("; ", removed)}.");
    }

    /// <summary>The workspace's holidays and the channel's own (the current channel's when none is named), from today on.</summary>
    public async Task<NormsReply> ListAsync(HolidaysCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        if (!SlackRefResolver.TryChannelOrHere(command.Channel, invocation, out var channel, out var error))
        {
            return SettingCommands.Refused("holidays", error);
        }

        var zone = (await protocols.GetAsync(invocation.TeamId, null, ct)).TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime).AddDays(-1);
        var coming = (await holidays.AllAsync(invocation.TeamId, ct))
            .Where(h => (h.Scope == AuditEntry.WorkspaceScope || h.Scope == channel) && h.Last >= today)
            .ToList();
        var where = channel is null ? "the workspace" : $"<#{channel}>";
        if (coming.Count == 0)
        {
            return new NormsReply($"No holidays coming up in {where}. Leaders add them with `/norms holiday add YYYY-MM-DD [YYYY-MM-DD] [\"name\"] [#channel]`.");
        }

        var lines = coming.Select(h => $"• {h}{(h.Scope == AuditEntry.WorkspaceScope ? "" : $" (only <#{h.Scope}>)")}");
        return new NormsReply($"*Holidays coming up in {where}*\n{string.Join('\n', lines)}");
    }

    private static string? ChannelOf(string scope) => scope == AuditEntry.WorkspaceScope ? null : scope;

    private static bool TryScope(SlackRef? channel, SlashCommand invocation, out string scope, out string error)
    {
        scope = AuditEntry.WorkspaceScope;
        error = string.Empty;
        if (channel is null)
        {
            return true;
        }

        var ok = SlackRefResolver.TryChannel(channel, invocation, out var id, out error);
        scope = ok ? id : scope;
        return ok;
    }
}
