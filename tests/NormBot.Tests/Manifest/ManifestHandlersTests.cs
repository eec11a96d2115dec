using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NormBot.Manifest;
using NormBot.Slack.Handlers;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Manifest;

/// <summary>The manifest against what the code registers, so a new event, command or API call cannot be forgotten.</summary>
public sealed partial class ManifestHandlersTests
{
    private static readonly JsonObject SocketMode = ManifestYaml.ToJson(AppManifest.ToYaml());
    private static readonly JsonObject Http = ManifestYaml.ToJson(AppManifest.ToYaml(new Uri("https://bot.example.com/")));

    private static IEnumerable<string> RoutedEventTypes() =>
        typeof(SlackHandlers.Events).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    [Test]
    public void EveryRoutedEventType_IsSubscribed()
    {
        var subscribed = Strings(SocketMode["settings"]!["event_subscriptions"]!["bot_events"]);

        foreach (var type in RoutedEventTypes())
        {
            // Slack subscribes to message per conversation type; the dispatcher sees plain "message".
            var expected = type == SlackHandlers.Events.Message ? new[] { "message.channels", "message.groups" } : [type];
            Assert.That(subscribed, Is.SupersetOf(expected), $"the dispatcher routes {type}");
        }
    }

    [Test]
    public void EverySubscribedEvent_IsRouted()
    {
        var routed = RoutedEventTypes().ToHashSet();

        Assert.That(Strings(SocketMode["settings"]!["event_subscriptions"]!["bot_events"]).Select(e => e.Split('.')[0]).Distinct(), Is.SubsetOf(routed));
    }

    // A channel archived, deleted or left ends tracking the same way: one handler serves the six.
    private static readonly Dictionary<string, string> SharedHandler = new[]
    {
        "channel_archive", "group_archive", "channel_deleted", "group_deleted", "channel_left", "group_left",
    }.ToDictionary(e => e, _ => "ChannelGoneEvent");

    /// <summary>A subscription without a handler costs a scope (and a delivery per event) for nothing.</summary>
    [Test]
    public void EverySubscribedEvent_HasAHandler()
    {
        var handled = new ServiceCollection().AddSlackHandlers()
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IEventHandler<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0].Name)
            .ToHashSet();

        foreach (var subscription in SlackHandlers.BotEvents)
        {
            // message.channels -> message -> MessageEvent, reaction_added -> ReactionAddedEvent.
            var type = SharedHandler.GetValueOrDefault(subscription)
                ?? string.Concat(subscription.Split('.')[0].Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Event";
            Assert.That(handled, Does.Contain(type), $"{subscription} is subscribed but no IEventHandler<{type}> is registered");
        }
    }

    [Test]
    public void SlashCommand_IsTheHandlersCommandWithEscaping()
    {
        var command = SocketMode["features"]!["slash_commands"]!.AsArray().Single()!;

        Assert.That(command["command"]!.GetValue<string>(), Is.EqualTo(SlackHandlers.Command));
        Assert.That(command["should_escape"]!.GetValue<bool>(), Is.True);
        Assert.That(Strings(SocketMode["oauth_config"]!["scopes"]!["bot"]), Does.Contain("commands"));
    }

    [Test]
    public void Interactivity_OnBecauseButtonHandlersAreRegistered()
    {
        var services = new ServiceCollection().AddSlackHandlers();

        Assert.That(services.Any(d => d.ServiceType == typeof(IBlockActionHandler)), Is.True);
        Assert.That(SocketMode["settings"]!["interactivity"]!["is_enabled"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void SocketMode_NoRequestUrls()
    {
        var settings = SocketMode["settings"]!;

        Assert.That(settings["socket_mode_enabled"]!.GetValue<bool>(), Is.True);
        Assert.That(SocketMode.ToJsonString(), Does.Not.Contain("url\""));
    }

    [Test]
    public void Http_RequestUrlsAreOurRoutes()
    {
        var settings = Http["settings"]!;

        Assert.Multiple(() =>
        {
            Assert.That(settings["socket_mode_enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(settings["event_subscriptions"]!["request_url"]!.GetValue<string>(), Is.EqualTo("https://bot.example.com/slack/event"));
            Assert.That(Http["features"]!["slash_commands"]![0]!["url"]!.GetValue<string>(), Is.EqualTo("https://bot.example.com/slack/command"));
            Assert.That(settings["interactivity"]!["request_url"]!.GetValue<string>(), Is.EqualTo("https://bot.example.com/slack/action"));
            Assert.That(settings["interactivity"]!["message_menu_options_url"]!.GetValue<string>(), Is.EqualTo("https://bot.example.com/slack/options"));
            Assert.That(Strings(Http["oauth_config"]!["redirect_urls"]), Is.EqualTo(new[] { "https://bot.example.com/slack/oauth_redirect" }));
        });
    }

    [Test]
    public void ScopeTable_CoversExactlyTheMethodsTheApiClientCalls()
    {
        var folder = Repository.Path("src", "NormBot", "Slack", "Api");
        var called = Directory.GetFiles(folder, "SlackApiClient*.cs")
            .SelectMany(f => ApiCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.That(called, Is.Not.Empty);
        Assert.That(SlackScopes.ByMethod.Keys, Is.EquivalentTo(called), "add the method and the scopes it needs to Manifest/SlackScopes.cs");
    }

    /// <summary>
    /// A client method nothing calls keeps its line in the scope table, and so its scope in the manifest, for nothing.
    /// With <see cref="ScopeTable_CoversExactlyTheMethodsTheApiClientCalls"/>: every scope asked for serves a call the bot makes.
    /// </summary>
    [Test]
    public void EveryApiClientMethod_IsCalledByTheBot()
    {
        var callers = Directory.GetFiles(Repository.Path("src", "NormBot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("Slack", "Api") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        var unused = typeof(NormBot.Slack.Api.ISlackApi).GetMethods()
            .Select(m => m.Name)
            .Where(name => !callers.Any(source => source.Contains($".{name}(", StringComparison.Ordinal)))
            .ToList();

        Assert.That(unused, Is.Empty, "remove these from ISlackApi and SlackApiClient (and their line in Manifest/SlackScopes.cs), or use them");
    }

    [Test]
    public void BotScopes_AreExactlyWhatMethodsEventsAndCommandNeed()
    {
        var expected = SlackScopes.ByMethod.Values.SelectMany(s => s)
            .Concat(SlackHandlers.BotEvents.SelectMany(e => SlackScopes.ByBotEvent[e]))
            .Append("commands")
            .Distinct();

        Assert.That(Strings(SocketMode["oauth_config"]!["scopes"]!["bot"]), Is.EquivalentTo(expected));
        Assert.That(Strings(Http["oauth_config"]!["scopes"]!["bot"]), Is.EquivalentTo(expected));
    }

    [Test]
    public void ManifestCommand_BadHost_ExitsTwoWithExample()
    {
        using var error = new StringWriter();

        var code = ManifestCommand.Run(["manifest", "--http", "bot.example.com"], TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("https://normbot.example.com"));
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    [GeneratedRegex(@"(?:CallAsync|PagesAsync)<[^>]+>\(""([a-z]+\.[a-zA-Z.]+)""")]
    private static partial Regex ApiCall();
}
