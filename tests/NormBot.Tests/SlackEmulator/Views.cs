using System.Text.Json.Nodes;

namespace NormBot.Tests.SlackEmulator;

/// <summary>Views a Slack app publishes or opens, as Block Kit JSON, for calling the emulator's views.* methods.</summary>
public static class Views
{
    public static JsonObject Home() => new()
    {
        ["type"] = "home",
        ["blocks"] = new JsonArray(
            new JsonObject { ["type"] = "header", ["text"] = Plain("What waits on you") },
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*<@U0456ALICE>* asked in <#C0123GENRL> 3h ago" } },
            new JsonObject { ["type"] = "divider" },
            new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = "Updated when you open this tab" }) }),
    };

    public static JsonObject Modal() => new()
    {
        ["type"] = "modal",
        ["callback_id"] = "snooze_until",
        ["title"] = Plain("Snooze nudges"),
        ["submit"] = Plain("Snooze"),
        ["close"] = Plain("Cancel"),
        ["blocks"] = new JsonArray(new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = "until",
            ["label"] = Plain("Until"),
            ["element"] = new JsonObject { ["type"] = "datepicker", ["action_id"] = "until_date", ["initial_date"] = "2026-11-30" },
        }),
    };

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };
}
