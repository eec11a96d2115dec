using NormBot.Protocols;

namespace NormBot.Norms.People;

/// <summary>
/// Someone's own working hours from <c>/norms my-hours</c>: they replace the channel's hours for that person; a null
/// <see cref="Days"/> keeps the channel's days and a null <see cref="TimeZone"/> keeps their Slack time zone.
/// </summary>
public sealed record PersonalHours(WorkingHours Hours, WorkingDays? Days, TimeZoneInfo? TimeZone)
{
    public override string ToString() =>
        string.Join(' ', new[] { Hours.ToString(), Days?.ToString(), TimeZone?.Id }.OfType<string>());
}
