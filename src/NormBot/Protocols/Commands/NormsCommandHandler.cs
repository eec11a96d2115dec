using System.Text.Json.Nodes;
using NormBot.Digests;
using NormBot.Norms.People;
using NormBot.Slack.Events;
using NormBot.Slack.Handlers;

namespace NormBot.Protocols.Commands;

/// <summary>
/// <c>/norms</c> (PRODUCT §7): parse, check the caller may run the subcommand, then hand it to the class that
/// owns that group. A parse error or a refusal returns before anything is touched, so a failed command changes nothing.
/// </summary>
public sealed class NormsCommandHandler(
    LeaderPolicy policy,
    ShowCommands show,
    SettingCommands settings,
    RouteCommands routes,
    LeaderCommands leaders,
    SnoozeCommands snooze,
    DigestCommands digests,
    PersonalTimeCommands personal,
    HolidayCommands holidays,
    PreviewCommands preview,
    HandTypedNames names) : ISlashCommandHandler
{
    public const string Command = NormsUsage.Command;

    public async Task<JsonObject?> HandleAsync(SlashCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reply = await ReplyAsync(command, ct);
        return reply.ToSlackMessage();
    }

    private async Task<NormsReply> ReplyAsync(SlashCommand invocation, CancellationToken ct)
    {
        var parsed = NormsCommandParser.Parse(invocation.Text);
        if (parsed is NormsParseError error)
        {
            return new NormsReply($"{error.Message.TrimEnd('.')}. Nothing changed.\n{error.Usage}");
        }

        var command = (NormsCommand)parsed;
        if (command.IsLeaderOnly && !await policy.IsLeaderAsync(invocation.TeamId, invocation.UserId, ct))
        {
            var who = await policy.WhoCanAsync(invocation.TeamId, ct);
            return new NormsReply($"Only leaders can use `/norms {command.Name}`: {who}. Ask one of them. Nothing changed.");
        }

        (command, var ambiguous) = await names.ResolveAsync(command, invocation, ct);
        if (ambiguous is not null)
        {
            return SettingCommands.Refused(command.Name, ambiguous);
        }

        return command switch
        {
            HelpCommand help => Help(help),
            ShowCommand c => await show.ShowAsync(c, invocation, ct),
            SnoozeCommand c => await snooze.SnoozeAsync(c, invocation, ct),
            SnoozeOffCommand => await snooze.ResumeAsync(invocation, ct),
            SetCommand c => await settings.SetAsync(c, invocation, ct),
            UnsetCommand c => await settings.UnsetAsync(c, invocation, ct),
            PreviewCommand c => await preview.PreviewAsync(c, invocation, ct),
            RouteCommand c => await routes.RouteAsync(c, invocation, ct),
            UnrouteCommand c => await routes.UnrouteAsync(c, invocation, ct),
            LeadersAddCommand c => await leaders.AddAsync(c, invocation, ct),
            LeadersRemoveCommand c => await leaders.RemoveAsync(c, invocation, ct),
            LeadersListCommand => await leaders.ListAsync(invocation, ct),
            AuditCommand c => await leaders.AuditAsync(c, invocation, ct),
            MyHoursCommand c => await personal.MyHoursAsync(c, invocation, ct),
            MyHoursOffCommand => await personal.MyHoursOffAsync(invocation, ct),
            AwayCommand c => await personal.AwayAsync(c, invocation, ct),
            BackCommand => await personal.BackAsync(invocation, ct),
            HolidayAddCommand c => await holidays.AddAsync(c, invocation, ct),
            HolidayRemoveCommand c => await holidays.RemoveAsync(c, invocation, ct),
            HolidaysCommand c => await holidays.ListAsync(c, invocation, ct),
            StatsCommand or DigestScheduleCommand or DigestOffCommand or DigestNowCommand => await digests.HandleAsync(command, invocation, ct),
            _ => new NormsReply(NormsUsage.For(string.Empty)),
        };
    }

    private static NormsReply Help(HelpCommand help) =>
        help.Topic is null
            ? new NormsReply(NormsUsage.HelpText)
            : new NormsReply(NormsUsage.For(help.Topic) + (NormsUsage.IsLeaderOnly(help.Topic) ? "  (leaders only)" : string.Empty));
}
