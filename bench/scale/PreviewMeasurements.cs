using NormBot.Protocols;
using NormBot.Protocols.Commands;

namespace NormBot.Bench.Scale;

/// <summary>
/// <c>/norms preview set response-time 1h</c> on the busy workspace (issue 24): the real
/// <see cref="PreviewCommands.PreviewAsync(string, string, string, string?, CancellationToken)"/>, which the slash
/// command runs once parsed, for the busiest channel and for the whole workspace. Target: Slack's 3-second window; a
/// preview slower than that still reaches the leader, on the command's response_url. Runs first, so the process's
/// memory is the previews' and not what the digests left behind.
/// </summary>
public sealed class PreviewMeasurements(BenchHost host)
{
    private const double SlackWindowMs = 3000;

    public async Task<IReadOnlyList<Figure>> RunAsync(Func<string, double, Func<Task>, Task<Figure>> time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        var beforeMb = Environment.WorkingSet / (1024.0 * 1024.0);
        using var sampling = new CancellationTokenSource();
        var peak = SampleRssAsync(sampling.Token);
        var figures = new List<Figure>
        {
            await time("preview response-time 1h, busiest channel", SlackWindowMs, () => PreviewAsync(ScaleData.BusiestChannel, ct)),
            await time("preview response-time 1h, whole workspace", SlackWindowMs, () => PreviewAsync(null, ct)),
        };
        await sampling.CancelAsync();
        var peakMb = await peak / (1024.0 * 1024.0);
        figures.Add(new Figure("RSS before the previews (host and emulator)", beforeMb, beforeMb, 0, "MB"));
        figures.Add(new Figure("peak RSS (the previews, sampled)", peakMb, peakMb, 250, "MB"));
        figures.ForEach(f => Console.Error.WriteLine($"  = {f.Operation}: {f.Value:0.0} {f.Unit} (slowest {f.Max:0.0})"));
        return figures;
    }

    private async Task PreviewAsync(string? channelId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var preview = scope.ServiceProvider.GetRequiredService<PreviewCommands>();
        var reply = await preview.PreviewAsync(ScaleData.BusyTeam, ProtocolKeys.ResponseTime, "1h", channelId, ct);
        // The counts go to the log: a preview that found no week would be quick and wrong.
        Console.Error.WriteLine("    " + string.Join(" | ", reply.Text.Split('\n').Skip(1).Take(4)));
    }

    // The working set every 5 ms while the previews run: the process's own high-water mark would include the host's start.
    private static async Task<long> SampleRssAsync(CancellationToken ct)
    {
        var peak = 0L;
        while (!ct.IsCancellationRequested)
        {
            peak = Math.Max(peak, Environment.WorkingSet);
            try
            {
                await Task.Delay(5, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return Math.Max(peak, Environment.WorkingSet);
    }
}
