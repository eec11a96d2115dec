using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using NormBot.Slack.Events;
using NormBot.Slack.Inbox;

namespace NormBot.Slack.Http;

/// <summary>Slack's HTTP transport on the routes SlackNet.AspNetCore uses by default.</summary>
public static partial class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlackHttp(this IEndpointRouteBuilder endpoints)
    {
        var services = new SlackHttpServices(endpoints.ServiceProvider);
        endpoints.MapPost("/slack/event", Answer(EventAsync, services));
        endpoints.MapPost("/slack/command", Answer(CommandAsync, services));
        endpoints.MapPost("/slack/action", Answer(ActionAsync, services));
        endpoints.MapPost("/slack/options", Answer(OptionsAsync, services));
        return endpoints;
    }

    // A plain RequestDelegate: the handlers take nothing minimal APIs would bind or resolve per request.
    private static RequestDelegate Answer(Func<HttpContext, SlackHttpServices, Task<IResult>> handler, SlackHttpServices services) =>
        async http => await (await handler(http, services)).ExecuteAsync(http);

    private static async Task<IResult> EventAsync(HttpContext http, SlackHttpServices services)
    {
        var (body, rejection) = await SlackRequestBody.ReadVerifiedAsync(http, services);
        if (body is null)
        {
            return rejection!;
        }

        string? type, teamId, eventId, challenge, channel = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            type = Text(root, "type");
            teamId = Text(root, "team_id");
            eventId = Text(root, "event_id");
            challenge = Text(root, "challenge");
            if (type == "event_callback")
            {
                if (teamId is null || eventId is null || !root.TryGetProperty("event", out var ev) || ev.ValueKind != JsonValueKind.Object)
                {
                    return Results.BadRequest("event_callback needs team_id, event_id and an event object");
                }

                channel = Text(ev, "channel");
            }
        }
        catch (JsonException)
        {
            return Results.BadRequest("body is not JSON");
        }

        switch (type)
        {
            case "url_verification" when challenge is not null:
                return Results.Json(new { challenge });
            case "event_callback":
                try
                {
                    await services.Intake.AcceptEventAsync(teamId!, eventId!, body, channel, http.RequestAborted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Not durable, so not acknowledged: Slack retries and nothing is lost. The exception says why (the
                    // store's error); the body and the request's headers are not logged.
                    Log.NotStored(services.Logger, teamId!, eventId!, ex);
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                return Acknowledged.Instance;
            case "app_rate_limited":
                SlackIntake.NoteRateLimited();
                Log.RateLimited(services.Logger, teamId ?? "?");
                return Results.Ok();
            default:
                return Results.BadRequest($"unsupported payload type \"{type}\"");
        }
    }

    private static async Task<IResult> CommandAsync(HttpContext http, SlackHttpServices services)
    {
        var (body, rejection) = await SlackRequestBody.ReadVerifiedAsync(http, services);
        if (body is null)
        {
            return rejection!;
        }

        var fields = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
        {
            fields[key] = value.ToString();
        }

        if (fields["team_id"] is null || fields["user_id"] is null || fields["command"] is null)
        {
            return Results.BadRequest("slash command needs team_id, user_id and command");
        }

        var reply = await services.Intake.AcceptCommandAsync(fields, http.RequestAborted);
        return reply is null ? Results.Ok() : Results.Text(reply.ToJsonString(), "application/json; charset=utf-8");
    }

    private static async Task<IResult> ActionAsync(HttpContext http, SlackHttpServices services)
    {
        var (body, rejection) = await SlackRequestBody.ReadVerifiedAsync(http, services);
        if (body is null)
        {
            return rejection!;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        JsonObject? payload;
        try
        {
            payload = form.TryGetValue("payload", out var raw) ? JsonNode.Parse(raw.ToString()) as JsonObject : null;
        }
        catch (JsonException)
        {
            payload = null;
        }

        var teamId = JsonText.Of(payload?["team"]?["id"]) ?? JsonText.Of(payload?["user"]?["team_id"]);
        if (payload is null || teamId is null || JsonText.Of(payload["type"]) is null)
        {
            return Results.BadRequest("interaction needs a JSON payload field with type and team");
        }

        var id = JsonText.Of(payload["trigger_id"]) ?? JsonText.Of(payload["actions"]?[0]?["action_ts"]) ?? Guid.NewGuid().ToString("N");
        await services.Intake.AcceptInteractionAsync(teamId, id, payload, http.RequestAborted);
        return Results.Ok();
    }

    private static async Task<IResult> OptionsAsync(HttpContext http, SlackHttpServices services)
    {
        var (body, rejection) = await SlackRequestBody.ReadVerifiedAsync(http, services);

        // NormBot has no external selects; answer with an empty list rather than an error.
        return body is null ? rejection! : Results.Json(new { options = Array.Empty<object>() });
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// An empty 200, as <c>Results.Ok()</c> answers, but without resolving a logger from the request's services (which
    /// opens a DI scope) on the path every event takes.
    /// </summary>
    private sealed class Acknowledged : IResult
    {
        public static readonly Acknowledged Instance = new();

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Slack says team {TeamId} exceeded the Events API rate limit; some events were dropped")]
        public static partial void RateLimited(ILogger logger, string teamId);

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not store event {EventId} of team {TeamId}; answered 503 so Slack retries it")]
        public static partial void NotStored(ILogger logger, string teamId, string eventId, Exception exception);
    }
}
