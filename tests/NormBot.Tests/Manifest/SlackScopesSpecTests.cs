using System.Text.Json.Nodes;
using NormBot.Manifest;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Manifest;

/// <summary>The scope table against the scopes Slack's own specs list for each method and event.</summary>
[SlackSpecs]
public sealed class SlackScopesSpecTests
{
    // The OpenAPI spec (2020) names the bot's write scope by its legacy names.
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["chat:write:bot"] = "chat:write",
        ["chat:write:user"] = "chat:write",
    };

    public static IEnumerable<string> Methods() => SlackScopes.ByMethod.Keys;

    /// <summary>Each scope we ask for is one Slack accepts for the method, and a method that needs one has one.</summary>
    [TestCaseSource(nameof(Methods))]
    public void Method_ScopesAreOnesSlackListsForIt(string method)
    {
        var path = SlackSpecs.ReadJson("openapi", "slack_web_openapi_v2_without_examples.json")["paths"]![$"/{method}"];
        if (path is null)
        {
            // Newer than the spec: apps.connections.open takes the app-level token, so no bot scope.
            Assert.That(SlackScopes.ByMethod[method], Is.Empty, $"{method} is not in the spec; its scopes need checking by hand");
            return;
        }

        var accepted = path.AsObject()
            .SelectMany(verb => verb.Value!["security"]?.AsArray() ?? [])
            .SelectMany(requirement => requirement!["slackAuth"]!.AsArray().Select(s => (string)s!))
            .Select(s => Renamed.GetValueOrDefault(s, s))
            .ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(SlackScopes.ByMethod[method], Is.SubsetOf(accepted), $"scopes Slack lists for {method}");
            if (!accepted.SetEquals(["none"]))
            {
                Assert.That(SlackScopes.ByMethod[method], Is.Not.Empty, $"{method} needs one of {string.Join(", ", accepted)}");
            }
        });
    }

    private static readonly Dictionary<string, List<string>> NotInCatalogue = new()
    {
        ["app_home_opened"] = [],
        ["group_deleted"] = ["groups:read"],
    };

    public static IEnumerable<string> Events() => SlackScopes.ByBotEvent.Keys;

    [TestCaseSource(nameof(Events))]
    public void Event_ScopesAreTheOnesSlackRequires(string subscription)
    {
        var topics = SlackSpecs.ReadJson("events", "spec", "slack_events_api_async_v1.json")["topics"]!;
        var required = topics[subscription.Replace('_', '.')]?["subscribe"]?["x-scopes-required"]?.AsArray().Select(s => (string)s!).ToList();

        // The 2017 catalogue predates app_home_opened (no scope) and group_deleted (groups:read on its documentation page).
        required ??= NotInCatalogue[subscription];
        Assert.That(SlackScopes.ByBotEvent[subscription], Is.EquivalentTo(required), $"scopes Slack requires for {subscription}");
    }
}
