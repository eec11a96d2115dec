using System.Globalization;
using Dapper;
using NormBot.Norms;
using NormBot.Tests.Norms.Rules;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.People;

/// <summary>The rules' team on a fake clock, with the means to cross nights and weekends quickly and to read deadlines back.</summary>
public abstract class PeopleTimeTestBase : RulesTestBase
{
    protected const string Ask = "<@U0BOB> can you review the rollout plan for the billing retry before Thursday? https://docs.example/rollout";

    /// <summary>
    /// Moves the clock to <paramref name="at"/>: in one jump to ten minutes before it, then in the steps that let the
    /// overdue scan run (every scan sees everything due by then, so nothing is missed in the jump).
    /// </summary>
    protected async Task JumpToAsync(DateTimeOffset at)
    {
        var left = at - Env.Time.GetUtcNow();
        if (left > TimeSpan.FromMinutes(10))
        {
            Env.Time.Advance(left - TimeSpan.FromMinutes(10));
            left = TimeSpan.FromMinutes(10);
        }

        await Chat.AdvanceAsync(left);
    }

    /// <summary>A wall-clock time in a zone, "yyyy-MM-dd HH:mm".</summary>
    protected static DateTimeOffset Local(string text, string zone)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, tz.GetUtcOffset(local));
    }

    /// <summary>When the ask at <paramref name="ts"/> is due for <paramref name="userId"/>, as the bot stored it; null for "never".</summary>
    protected async Task<DateTimeOffset?> DueAtAsync(string ts, string userId = TeamChat.Bob)
    {
        await using var connection = Env.App.Database();
        var ms = await connection.ExecuteScalarAsync<long>("SELECT due_at FROM ask_assignees WHERE ts = @Ts AND user_id = @UserId", new { Ts = ts, UserId = userId });
        var due = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return WorkingTime.IsNever(due) ? null : due;
    }

    protected IEnumerable<NormBot.SlackEmulator.RecordedCall> DmsTo(string userId) =>
        Calls("chat.postMessage", c => Arg(c, "channel") == userId);
}
