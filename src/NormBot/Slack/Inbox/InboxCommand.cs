using System.Globalization;
using Microsoft.Extensions.Options;
using NormBot.Hosting;
using NormBot.Storage;

namespace NormBot.Slack.Inbox;

/// <summary>
/// <c>normbot inbox list</c> and <c>normbot inbox replay [--all|&lt;id&gt;]</c>: the dead letters of the store the bot's
/// settings name (same appsettings.json, environment and arguments). Replay puts them back in the inbox, where the
/// running bot (any replica) processes them within seconds, or the next one to start does.
/// </summary>
public static class InboxCommand
{
    public const string Usage = "Usage: normbot inbox list | normbot inbox replay --all | normbot inbox replay <envelope id>";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var words = args.SkipWhile(a => a != "inbox").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal) || a == "--all").ToList();
        var settings = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--all").ToArray();
        var action = words.FirstOrDefault();
        var target = words.Skip(1).FirstOrDefault();
        if (action is not ("list" or "replay") || (action == "replay") != (target is not null) || words.Count > 2)
        {
            await error.WriteLineAsync($"normbot inbox: {Usage}");
            return StartupErrors.ConfigurationExitCode;
        }

        var builder = Host.CreateApplicationBuilder(settings);
        NormBotHost.AddDefaults(builder.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddStorage();
        builder.Services.AddSingleton<DeadLetters>();
        using var host = builder.Build();
        try
        {
            _ = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        }
        catch (Exception ex) when (StartupErrors.Describe(ex) is { } problems)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem);
            }

            return StartupErrors.ConfigurationExitCode;
        }

        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync();
        var deadLetters = host.Services.GetRequiredService<DeadLetters>();
        return action == "list"
            ? await ListAsync(deadLetters, output)
            : await ReplayAsync(deadLetters, target == "--all" ? null : target, output, error);
    }

    private static async Task<int> ListAsync(DeadLetters deadLetters, TextWriter output)
    {
        var entries = await deadLetters.ListAsync(CancellationToken.None);
        foreach (var e in entries)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{e.EnvelopeId}  team {e.TeamId}  {e.Kind}  received {Instant(e.ReceivedAt)}  dead since {Instant(e.DeadAt)}  {e.Attempts} attempts  {e.LastError}"));
        }

        await output.WriteLineAsync(entries.Count == 1 ? "1 dead letter." : $"{entries.Count} dead letters.");
        return 0;
    }

    private static async Task<int> ReplayAsync(DeadLetters deadLetters, string? envelopeId, TextWriter output, TextWriter error)
    {
        var count = await deadLetters.ReplayAsync(envelopeId, CancellationToken.None);
        if (count == 0 && envelopeId is not null)
        {
            await error.WriteLineAsync($"normbot inbox: no dead letter with id {envelopeId} (see normbot inbox list).");
            return 1;
        }

        await output.WriteLineAsync($"{count} dead letter{(count == 1 ? "" : "s")} put back in the inbox; the running bot processes {(count == 1 ? "it" : "them")} within seconds.");
        return 0;
    }

    private static string Instant(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
