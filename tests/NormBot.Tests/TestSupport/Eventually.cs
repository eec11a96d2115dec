using Microsoft.Extensions.Time.Testing;

namespace NormBot.Tests.TestSupport;

/// <summary>Waits for background work with a timeout instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout);

    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return await condition();
    }

    /// <summary>
    /// Moves a fake clock on by <paramref name="step"/> between checks until <paramref name="condition"/> holds: for work
    /// that itself waits on that clock (a scheduler, a backoff).
    /// </summary>
    public static Task<bool> TrueAdvancingAsync(FakeTimeProvider clock, Func<TimeSpan> step, Func<bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(step);
        return TrueAsync(() =>
        {
            if (condition())
            {
                return true;
            }

            clock.Advance(step());
            return false;
        }, timeout);
    }
}
