using System.Text.Json.Nodes;
using Emu = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.SlackEmulator;

/// <summary>Starts a fresh emulator per test with a small, realistic workspace.</summary>
public abstract class EmulatorTestBase
{
    protected const string Alice = "U0456ALICE";
    protected const string Bob = "U0789BOBBY";
    protected const string General = "C0123GENRL";
    protected const string Random = "C0999RANDM";

    protected Emu Emulator { get; private set; } = null!;

    [SetUp]
    public async Task StartEmulatorAsync()
    {
        Emulator = await Emu.StartAsync();
        Emulator.Workspace.AddUser(Alice, "alice", "Europe/Berlin", isAdmin: true);
        Emulator.Workspace.AddUser(Bob, "bob");
        Emulator.Workspace.AddChannel(General, "general", Emulator.BotUserId, Alice, Bob);
        Emulator.Workspace.AddChannel(Random, "random", Alice);
    }

    [TearDown]
    public async Task StopEmulatorAsync() => await Emulator.DisposeAsync();

    protected Task<ApiResult> CallAsync(string method, JsonObject args, string? token = "bot") =>
        EmulatorHttp.PostJsonAsync(Emulator, method, args, token);

    protected async Task<string> PostAsync(string channel, string text, string? threadTs = null)
    {
        var args = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (threadTs is not null)
        {
            args["thread_ts"] = threadTs;
        }

        var result = await CallAsync("chat.postMessage", args);
        Assert.That(result.Ok, Is.True, result.RawBody);
        return (string)result.Json["ts"]!;
    }
}
