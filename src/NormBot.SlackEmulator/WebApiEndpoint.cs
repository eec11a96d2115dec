using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NormBot.SlackEmulator;

/// <summary>Answers <c>/api/{method}</c>: faults first, then method lookup, body, auth (which picks the workspace), and the handler.</summary>
internal sealed class WebApiEndpoint(
    SlackEmulatorOptions options, WorkspaceRegistry workspaces, OAuthFlow oauth, CallRecorder recorder, FaultInjector faults, CancellationToken stopping)
{

    public async Task HandleAsync(HttpContext context, string method)
    {
        var at = options.TimeProvider.GetUtcNow();
        var request = await RequestReader.ReadAsync(context.Request, context.RequestAborted);
        var (status, body) = await FaultAsync(context, method, context.RequestAborted) ?? (200, Answer(method, request));
        recorder.Record(new RecordedCall(method, context.Request.Method, context.Request.ContentType, request.Token, request.Args, at, body) { StatusCode = status });
        await WriteAsync(context, status, body);
    }

    /// <summary>Applies an injected fault; null means "answer normally" (a delay fault answers normally afterwards).</summary>
    public async Task<(int Status, JsonObject Body)?> FaultAsync(HttpContext context, string method, CancellationToken ct)
    {
        var fault = faults.Take(method);
        switch (fault?.Kind)
        {
            case EmulatedFaultKind.Delay:
                // Real time, not the options' TimeProvider: a frozen fake clock would otherwise never answer.
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, stopping))
                {
                    await Task.Delay(fault.DelayBy, linked.Token);
                }

                return null;
            case EmulatedFaultKind.RateLimited:
                context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return (429, SlackJson.Error("ratelimited"));
            case EmulatedFaultKind.ServerError:
                // Recorded as JSON for assertions; the wire body is HTML, as from a failing load balancer.
                return (fault.StatusCode, SlackJson.Error($"http_{fault.StatusCode}"));
            case EmulatedFaultKind.SlackError:
                return (200, SlackJson.Error(fault.ErrorCode!));
            default:
                return null;
        }
    }

    public static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        if (status >= 500)
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync($"<html><body><h1>{status} Server Error</h1></body></html>");
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private JsonObject Answer(string method, ParsedRequest request)
    {
        if (method == OAuthFlow.AccessMethod)
        {
            // The code exchange authenticates with the client id and secret, not a token.
            return request.BodyError is not null ? SlackJson.Error(request.BodyError) : Guarded(() => oauth.Access(new ApiArgs(request.Args)));
        }

        if (!workspaces.Methods.TryGet(method, out var needsAppToken, out _))
        {
            return SlackJson.Error("unknown_method");
        }

        if (request.BodyError is not null)
        {
            return SlackJson.Error(request.BodyError);
        }

        var (methods, authError) = workspaces.ForToken(request.Token, needsAppToken);
        if (authError is not null)
        {
            return SlackJson.Error(authError);
        }

        methods!.TryGet(method, out _, out var handle);
        var response = Guarded(() =>
        {
            lock (methods.Workspace.Sync)
            {
                return handle(new ApiArgs(request.Args));
            }
        });
        if (request.Warning is not null)
        {
            response["warning"] = request.Warning;
            var metadata = response["response_metadata"] as JsonObject ?? [];
            metadata["warnings"] = new JsonArray(request.Warning);
            response["response_metadata"] = metadata;
        }

        return response;
    }

    private static JsonObject Guarded(Func<JsonObject> handle)
    {
        JsonObject response;
        try
        {
            response = handle();
        }
        catch (SlackApiException e)
        {
            response = SlackJson.Error(e.Error);
            if (e.Detail is not null)
            {
                response["response_metadata"] = new JsonObject { ["messages"] = new JsonArray(e.Detail) };
            }
        }

        return response;
    }
}
