using Microsoft.Extensions.DependencyInjection;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Norms.Rules;

/// <summary>A workday morning in UTC, a team of three in #general and #incidents, the bot on the emulator.</summary>
public abstract class RulesTestBase
{
    // Monday 2026-11-23 10:00 UTC.
    protected static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    protected EmulatedSlackApp Env { get; set; } = null!;

    /// <summary>When the fake clock starts.</summary>
    protected virtual DateTimeOffset StartAt => Monday10;

    protected TeamChat Chat { get; private set; } = null!;

    /// <summary>The app's clock, which also knows what waits on it.</summary>
    protected TestClock Clock { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Norms:Defaults:urgent-channel"] = $"<#{TeamChat.Incidents}|incidents>",
        ["Norms:Leaders:0"] = TeamChat.Lead,
    };

    /// <summary>Test-host registrations on top of the app's own (a decorator, say).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [SetUp]
    public async Task StartAsync()
    {
        Clock = new TestClock(StartAt);
        Env = await EmulatedSlackApp.StartAsync(settings: Settings, time: Clock, services: ConfigureServices);
        TeamChat.Seed(Env);
        Chat = new TeamChat(Env);
        await Env.Slack.WaitForCallAsync("auth.test");
    }

    [TearDown]
    public async Task StopAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            foreach (var line in Env.App.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal)).Take(20))
            {
                await TestContext.Out.WriteLineAsync(line);
            }
        }

        await Env.DisposeAsync();
    }

    protected IEnumerable<RecordedCall> Calls(string method, Func<RecordedCall, bool>? match = null) =>
        Env.Slack.Calls.Where(c => c.Method == method && (match is null || match(c)));

    protected static string Arg(RecordedCall call, string name) => call.Args[name]?.ToString() ?? "";

    protected Task<RecordedCall> WaitForAsync(string method, Func<RecordedCall, bool>? match = null) =>
        Env.Slack.WaitForCallAsync(method, match, TimeSpan.FromSeconds(10));

    /// <summary>Waits until the bot has done everything due at the fake clock's time, before asserting that something did not happen.</summary>
    protected Task SettleAsync() => Env.App.SettledAsync();
}
