using System.Globalization;

namespace NormBot.Demo;

/// <summary><c>normbot demo [--speed N] [--script path]</c>: a scripted day against a local Slack, printed as a transcript.</summary>
public static class DemoCommand
{
    public const string Usage = "Usage: normbot demo [--speed N] [--script path/to/day.yaml]   (--speed 0 = no pauses; 2 = twice as fast)";

    /// <summary>Pause after each transcript line at speed 1, so a person can follow along.</summary>
    private static readonly TimeSpan ReadingPause = TimeSpan.FromMilliseconds(120);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(55);

    public static string DefaultScript => Path.Combine(AppContext.BaseDirectory, "Demo", "day.yaml");

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var speed = 1.0;
        var scriptPath = DefaultScript;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "demo":
                    break;
                case "--speed" when i + 1 < args.Count && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out speed) && speed >= 0:
                    i++;
                    break;
                case "--speed":
                    await error.WriteLineAsync($"normbot demo: --speed needs a number of 0 or more, like 0, 1 or 2.5. {Usage}");
                    return 2;
                case "--script" when i + 1 < args.Count:
                    scriptPath = args[++i];
                    break;
                default:
                    await error.WriteLineAsync($"normbot demo: unexpected \"{args[i]}\". {Usage}");
                    return 2;
            }
        }

        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            var script = DemoScript.Load(File.Exists(scriptPath) ? scriptPath : throw new DemoException($"No demo script at {scriptPath}"));
            var pause = speed == 0 ? TimeSpan.Zero : ReadingPause / speed;
            await new DemoRunner(script, output, pause).RunAsync(timeout.Token);
            await output.FlushAsync(CancellationToken.None);
            return 0;
        }
        catch (DemoException ex)
        {
            await error.WriteLineAsync($"normbot demo failed: {ex.Message}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await error.WriteLineAsync($"normbot demo failed: it did not finish within {Limit.TotalSeconds:0} s; try --speed 0.");
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"normbot demo failed: {ex.GetType().Name}: {ex.Message}");
        }

        return 1;
    }
}
