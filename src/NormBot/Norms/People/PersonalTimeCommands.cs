using NormBot.Norms.Asks;
using NormBot.Protocols;
using NormBot.Protocols.Commands;
using NormBot.Slack;
using NormBot.Slack.Events;

namespace NormBot.Norms.People;

/// <summary>
/// <c>my-hours</c>, <c>away</c> and <c>back</c> (PRODUCT §14): everyone sets their own time. Each change works out the
/// deadlines of the open asks waiting on them again, so reminders and escalations follow at once.
/// </summary>
public sealed class PersonalTimeCommands(
    PersonalHoursStore hours, AwayStore away, PersonalSchedules schedules, ProtocolService protocols, AskClock clock, TimeProvider time)
{
    public async Task<NormsReply> MyHoursAsync(MyHoursCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        if (command.Hours is { } own)
        {
            await hours.SetAsync(invocation.TeamId, invocation.UserId, new PersonalHours(own, command.Days, command.TimeZone), ct);
            await clock.RecomputeForPersonAsync(invocation.TeamId, invocation.UserId, ct);
            return new NormsReply($"Your working hours are now {await DescribeAsync(invocation, ct)}. Your clocks and reminders follow them in every channel; `/norms my-hours off` goes back to each channel's hours.");
        }

        var away = await AwayLineAsync(invocation, ct);
        return new NormsReply($"You work on {await DescribeAsync(invocation, ct)}.{away} `/norms my-hours 10:00-18:00 [days] [zone]` sets your own.");
    }

    public async Task<NormsReply> MyHoursOffAsync(SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!await hours.ClearAsync(invocation.TeamId, invocation.UserId, ct))
        {
            return new NormsReply($"You have no hours of your own; you work on {await DescribeAsync(invocation, ct)}. Nothing changed.");
        }

        await clock.RecomputeForPersonAsync(invocation.TeamId, invocation.UserId, ct);
        return new NormsReply($"Your own hours are cleared: you follow each channel's hours again (here {await DescribeAsync(invocation, ct)}).");
    }

    public async Task<NormsReply> AwayAsync(AwayCommand command, SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(invocation);
        var now = time.GetUtcNow();
        var schedule = await ScheduleAsync(invocation, ct);
        var until = command.BackOn is { } day
            ? WorkingTime.ToInstant(day.ToDateTime(TimeOnly.MinValue), schedule.TimeZone)
            : now + command.For!.Value;
        if (until <= now)
        {
            return SettingCommands.Refused("away", $"{SlackDate.Format(until, schedule.TimeZone)} has passed; give the day you are back, or how long you are away");
        }

        await away.StartSelfAsync(invocation.TeamId, invocation.UserId, now, until, command.Note, ct);
        await clock.RecomputeForPersonAsync(invocation.TeamId, invocation.UserId, ct);
        var back = WorkingTime.NextWorkingStart(until, schedule);
        var backText = WorkingTime.IsNever(back) ? "" : $", back at work {SlackDate.Format(back, schedule.TimeZone)}";
        return new NormsReply(
            $"You're away until {SlackDate.Format(until, schedule.TimeZone)}{backText}. Your clocks pause meanwhile, reminders wait until you're back, " +
            "and people who ask you something are told when to expect a reply. `/norms back` ends it early.");
    }

    public async Task<NormsReply> BackAsync(SlashCommand invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var ended = await away.EndAllAsync(invocation.TeamId, invocation.UserId, time.GetUtcNow(), ct);
        if (!ended)
        {
            return new NormsReply("You weren't away; nothing changed.");
        }

        await clock.RecomputeForPersonAsync(invocation.TeamId, invocation.UserId, ct);
        return new NormsReply("Welcome back: your clocks run again. (An away status in Slack counts again only once you change it.)");
    }

    private async Task<WorkSchedule> ScheduleAsync(SlashCommand invocation, CancellationToken ct)
    {
        var channel = SlackRefResolver.Here(invocation);
        var protocol = await protocols.GetAsync(invocation.TeamId, channel, ct);
        return await schedules.ForAsync(invocation.TeamId, invocation.UserId, channel, protocol, ct);
    }

    private async Task<string> DescribeAsync(SlashCommand invocation, CancellationToken ct)
    {
        var schedule = await ScheduleAsync(invocation, ct);
        return $"{schedule.Hours} {schedule.Days} ({schedule.TimeZone.Id})";
    }

    private async Task<string> AwayLineAsync(SlashCommand invocation, CancellationToken ct)
    {
        var schedule = await ScheduleAsync(invocation, ct);
        var now = time.GetUtcNow();
        return WorkingTime.AwayUntil(now, schedule) is { } until
            ? WorkingTime.IsNever(until) ? " You're away until your Slack status changes." : $" You're away until {SlackDate.Format(until, schedule.TimeZone)}."
            : string.Empty;
    }
}
