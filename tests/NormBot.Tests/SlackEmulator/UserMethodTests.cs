using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;
using Emu = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.SlackEmulator;

/// <summary>users.profile.get, dnd.info and the user_change event, in Slack's shapes (PRODUCT §14).</summary>
public sealed class UserMethodTests
{
    private const string Priya = "U0PRIYA01";

    // Monday 8 June 2026 10:00 in Kolkata (UTC+5:30).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 8, 4, 30, 0, TimeSpan.Zero));
    private Emu _emulator = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await Emu.StartAsync(new SlackEmulatorOptions { TimeProvider = _time });
        _emulator.Workspace.AddUser(Priya, "priya", "Asia/Kolkata");
    }

    [TearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public async Task UsersProfileGet_StatusSet_ReturnsItWithExpiration()
    {
        var monday = new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.FromHours(5.5));
        _emulator.Workspace.SetStatus(Priya, ":palm_tree:", "Vacation", monday);

        var result = await EmulatorHttp.GetAsync(_emulator, "users.profile.get", [new("user", Priya)]);
        var info = await EmulatorHttp.GetAsync(_emulator, "users.info", [new("user", Priya)]);
        var unknown = await EmulatorHttp.GetAsync(_emulator, "users.profile.get", [new("user", "U0NOSUCH1")]);

        var profile = result.Json["profile"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(result.Ok, Is.True, result.RawBody);
            Assert.That((string?)profile["status_emoji"], Is.EqualTo(":palm_tree:"));
            Assert.That((string?)profile["status_text"], Is.EqualTo("Vacation"));
            Assert.That((long?)profile["status_expiration"], Is.EqualTo(monday.ToUnixTimeSeconds()));
            Assert.That((string?)info.Json["user"]!["profile"]!["status_emoji"], Is.EqualTo(":palm_tree:"), "users.info carries the same profile");
            Assert.That(unknown.Error, Is.EqualTo("user_not_found"));
        });
    }

    [Test]
    [SlackSpecs]
    public async Task UsersProfileGetAndDndInfo_ConformToSlacksSpec()
    {
        _emulator.Workspace.SetStatus(Priya, ":palm_tree:", "Vacation", new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.FromHours(5.5)));
        _emulator.Workspace.SetNotificationSchedule(Priya, new TimeOnly(8, 30), new TimeOnly(18, 0));

        var profile = (await EmulatorHttp.GetAsync(_emulator, "users.profile.get", [new("user", Priya)])).Json["profile"]!.AsObject();
        var dnd = (await EmulatorHttp.GetAsync(_emulator, "dnd.info", [new("user", Priya)])).Json;

        AssertProfileMatchesSpec(profile);
        Assert.That(Keys(dnd), Is.SubsetOf(Spec("dnd.info")["properties"]!.AsObject().Select(p => p.Key)));
    }

    [Test]
    public async Task DndInfo_NotificationSchedule_NextDndPeriodAroundNow()
    {
        _emulator.Workspace.SetNotificationSchedule(Priya, new TimeOnly(8, 30), new TimeOnly(18, 0));

        var during = await EmulatorHttp.GetAsync(_emulator, "dnd.info", [new("user", Priya)]);
        _time.Advance(TimeSpan.FromHours(10)); // 20:00 in Kolkata, inside Do Not Disturb
        var night = await EmulatorHttp.GetAsync(_emulator, "dnd.info", [new("user", Priya)]);

        Assert.Multiple(() =>
        {
            AssertDnd(during.Json, enabled: true, "2026-06-08 18:00", "2026-06-09 08:30");
            AssertDnd(night.Json, enabled: true, "2026-06-08 18:00", "2026-06-09 08:30");
        });
    }

    [Test]
    public async Task DndInfo_NoSchedule_DisabledWithOnes()
    {
        var result = await EmulatorHttp.GetAsync(_emulator, "dnd.info", [new("user", Priya)]);

        Assert.Multiple(() =>
        {
            Assert.That((bool?)result.Json["dnd_enabled"], Is.False);
            Assert.That((long?)result.Json["next_dnd_start_ts"], Is.EqualTo(1));
            Assert.That((long?)result.Json["next_dnd_end_ts"], Is.EqualTo(1));
        });
    }

    [Test]
    [SlackSpecs]
    public void UserChangeEvent_IsSlacksEventCallbackWithTheWholeUser()
    {
        _emulator.Workspace.SetStatus(Priya, ":face_with_thermometer:", "Out sick");

        var body = _emulator.UserChangeEvent(Priya);

        var real = SlackSpecs.ReadJson("real-payloads", "089_slackgo_user_change.json");
        var shape = SlackSpecs.ReadJson("events", "shapes", "UserChangePayload.json");
        var ev = body["event"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That((string?)body["type"], Is.EqualTo("event_callback"));
            Assert.That((string?)ev["type"], Is.EqualTo("user_change"));
            Assert.That((string?)ev["user"]!["profile"]!["status_text"], Is.EqualTo("Out sick"));
            Assert.That(Keys(body), Is.SubsetOf(Keys(real).Union(Keys(shape))));
            Assert.That(Keys(ev), Is.EquivalentTo(Keys(real["event"]!.AsObject())));
            Assert.That(Keys(ev["user"]!.AsObject()), Is.SubsetOf(Keys(real["event"]!["user"]!.AsObject()).Union(Keys(shape["event"]!["user"]!.AsObject()))));
            Assert.That(Keys(ev["user"]!["profile"]!.AsObject()), Is.SubsetOf(
                Keys(real["event"]!["user"]!["profile"]!.AsObject()).Union(Keys(shape["event"]!["user"]!["profile"]!.AsObject()))));
        });
    }

    private static void AssertDnd(JsonObject json, bool enabled, string start, string end)
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        string Local(string field) =>
            TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds((long)json[field]!), kolkata).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That((bool?)json["dnd_enabled"], Is.EqualTo(enabled));
        Assert.That(Local("next_dnd_start_ts"), Is.EqualTo(start));
        Assert.That(Local("next_dnd_end_ts"), Is.EqualTo(end));
    }

    // users.profile.get's profile: the spec's objs_user_profile, plus what users.info's profile carries today (Slack grew it since 2020).
    private static void AssertProfileMatchesSpec(JsonObject profile)
    {
        var spec = SpecDocument()["definitions"]!["objs_user_profile"]!;
        var infoShape = SlackSpecs.ReadJson("web-api", "shapes", "users.info.json")["user"]!["profile"]!.AsObject();
        Assert.That(Keys(profile), Is.SubsetOf(Keys(spec["properties"]!.AsObject()).Union(Keys(infoShape))));
        Assert.That(spec["required"]!.AsArray().Select(r => (string)r!), Is.SubsetOf(Keys(profile)));
    }

    private static JsonObject Spec(string method) =>
        SpecDocument()["paths"]![$"/{method}"]!["get"]!["responses"]!["200"]!["schema"]!.AsObject();

    private static JsonObject SpecDocument() => SlackSpecs.ReadJson("openapi", "slack_web_openapi_v2_without_examples.json");

    private static IEnumerable<string> Keys(JsonObject json) => json.Select(p => p.Key);
}
