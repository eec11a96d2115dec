using System.Globalization;

namespace NormBot.Protocols.Commands;

public enum DigestFrequency
{
    Daily,
    Weekly,
    Cron,
}

/// <summary>When a digest is posted, always as a Quartz cron expression (seconds first) so one trigger type serves all three forms.</summary>
public sealed record DigestSchedule(DigestFrequency Frequency, string CronExpression, string Description)
{
    public static DigestSchedule Daily(TimeSpan timeOfDay) =>
        new(DigestFrequency.Daily, $"0 {timeOfDay.Minutes} {timeOfDay.Hours} ? * *", $"daily {Format(timeOfDay)}");

    public static DigestSchedule Weekly(WorkingDays days, TimeSpan timeOfDay)
    {
        ArgumentNullException.ThrowIfNull(days);
        return new(DigestFrequency.Weekly, $"0 {timeOfDay.Minutes} {timeOfDay.Hours} ? * {days.ToCronField()}", $"weekly {days} {Format(timeOfDay)}");
    }

    public static DigestSchedule Cron(string expression) => new(DigestFrequency.Cron, expression, $"cron \"{expression}\"");

    private static string Format(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.Hours:00}:{t.Minutes:00}");
}
