using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Protocols;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Protocols;

/// <summary>The real app and emulator, seeded with an admin, an owner, a configured leader, two members and three channels.</summary>
public sealed class NormsTestApp : IAsyncDisposable
{
    public const string Team = EmulatedSlackApp.TeamId;
    public const string Admin = "U0ADMIN001";
    public const string Owner = "U0OWNER001";
    public const string ConfiguredLeader = "U0LEADER01";
    public const string Member = "U0MEMBER01";
    public const string OtherMember = "U0MEMBER02";
    public const string General = "C0123GENRL";
    public const string Support = "C0SUPPORT1";
    public const string Incidents = "C0INCIDENT";

    private NormsTestApp(EmulatedSlackApp env) => Env = env;

    public EmulatedSlackApp Env { get; }

    public static async Task<NormsTestApp> StartAsync(bool socketMode = false, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Norms:Leaders:0"] = ConfiguredLeader };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var env = await EmulatedSlackApp.StartAsync(socketMode, all);
        var workspace = env.Slack.Workspace;
        workspace.AddUser(Admin, "ada", isAdmin: true);
        workspace.AddUser(Owner, "otto", isOwner: true);
        workspace.AddUser(ConfiguredLeader, "lena");
        workspace.AddUser(Member, "mo");
        workspace.AddUser(OtherMember, "meg");
        workspace.AddChannel(General, "general", Admin, Member, env.Slack.BotUserId);
        workspace.AddChannel(Support, "support", Admin, Member, env.Slack.BotUserId);
        workspace.AddChannel(Incidents, "incidents", Admin, env.Slack.BotUserId);
        if (socketMode)
        {
            await env.Slack.WaitForConnectionAsync();
        }

        return new NormsTestApp(env);
    }

    public T Service<T>()
        where T : notnull => Env.App.Services.GetRequiredService<T>();

    /// <summary>Runs <c>/norms text</c> through <c>POST /slack/command</c> and returns the reply in the response.</summary>
    public async Task<NormsTestReply> SendAsync(string user, string text, string channel = General)
    {
        using var client = Env.CreateClient();
        using var request = SignedRequests.Form("/slack/command", Fields(user, text, channel), Env.Time.GetUtcNow());
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return new NormsTestReply(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>Runs <c>/norms text</c> over Socket Mode; the reply rides on the ack.</summary>
    public async Task<NormsTestReply> SendOverSocketAsync(string user, string text, string channel = General)
    {
        var fields = new JsonObject();
        foreach (var (key, value) in Fields(user, text, channel))
        {
            fields[key] = value;
        }

        var ack = await Env.Slack.SendSlashCommandAsync(fields);
        return new NormsTestReply(ack.Payload ?? throw new AssertionException("The ack carried no reply"));
    }

    /// <summary>Every audit entry, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> AuditAsync() => Service<AuditLog>().LatestAsync(Team, 100, CancellationToken.None);

    public int CallCount(string method) => Env.Slack.Calls.Count(c => c.Method == method);

    public ValueTask DisposeAsync() => Env.DisposeAsync();

    private Dictionary<string, string> Fields(string user, string text, string channel)
    {
        var fields = SlackPayloads.SlashCommand(text, user, channel, Team);
        fields["user_name"] = Env.Slack.Workspace.FindUser(user)?.Name ?? "someone";
        fields["channel_name"] = Env.Slack.Workspace.FindChannel(channel)?.Name ?? "directmessage";
        return fields;
    }
}

/// <summary>A <c>/norms</c> reply: its text, and the text of its blocks for assertions on the Block Kit table.</summary>
public sealed record NormsTestReply(JsonObject Json)
{
    public string Text => Json["text"]?.GetValue<string>() ?? string.Empty;

    public string ResponseType => Json["response_type"]?.GetValue<string>() ?? string.Empty;

    public JsonArray Blocks => Json["blocks"]?.AsArray() ?? [];

    /// <summary>The value shown next to a key in the <c>show</c> table (fields alternate key, value).</summary>
    public string ValueOf(string key)
    {
        foreach (var block in Blocks)
        {
            var fields = block?["fields"]?.AsArray();
            for (var i = 0; fields is not null && i + 1 < fields.Count; i += 2)
            {
                if (fields[i]!["text"]!.GetValue<string>() == $"`{key}`")
                {
                    return fields[i + 1]!["text"]!.GetValue<string>();
                }
            }
        }

        throw new AssertionException($"No row for {key} in: {Json.ToJsonString()}");
    }

    public override string ToString() => Text;
}
