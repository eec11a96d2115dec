using System.Globalization;
using System.Runtime.InteropServices;
using NormBot.SlackEmulator;

// Serves a Slack emulator seeded with the users and channels of bench/loadgen.mjs, so NormBot's
// rules run for real during the benchmark (users.info, permalinks, nudges) without Slack.
var port = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3399;
await using var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { Port = port, TeamId = "T0PERF0001", BotToken = "xoxb-perf", EnforceBotMembership = false });
for (var u = 0; u < 50; u++)
{
    slack.Workspace.AddUser($"U0PERF{u:D4}", $"perf{u}", u % 2 == 0 ? "Europe/Berlin" : "America/New_York");
}

for (var c = 0; c < 20; c++)
{
    slack.Workspace.AddChannel($"C0PERF{c:D4}", $"perf-{c}", slack.BotUserId);
}

Console.WriteLine($"emulator {slack.ApiBaseUrl}");
// The emulator's own host takes SIGTERM and SIGINT to stop itself, which cancels the process's default exit: end
// here too, or `kill` (bench/run.sh's cleanup) leaves the process holding the port.
var done = new TaskCompletionSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => done.TrySetResult());
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => done.TrySetResult());
await done.Task;
