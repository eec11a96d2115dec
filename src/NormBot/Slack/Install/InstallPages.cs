using System.Net;

namespace NormBot.Slack.Install;

/// <summary>The pages a person sees at the end of an install: short, plain, and telling them what to do next.</summary>
public static class InstallPages
{
    public static IResult Installed(string teamName, string? slackLink) => Page(
        StatusCodes.Status200OK,
        "NormBot is installed",
        $"NormBot is now part of {teamName}. Invite it to a channel (/invite @NormBot) and type /norms help there to set your team's norms.",
        slackLink is null ? null : (slackLink, "Open NormBot in Slack"));

    public static IResult Failed(int status, string problem, string? installUrl) => Page(
        status,
        "NormBot was not installed",
        problem,
        installUrl is null ? null : (installUrl, "Start the installation again"));

    private static PageResult Page(int status, string title, string text, (string Href, string Label)? link)
    {
        var anchor = link is { } l ? $"""<p><a href="{WebUtility.HtmlEncode(l.Href)}">{WebUtility.HtmlEncode(l.Label)}</a></p>""" : "";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head>
            <body><h1>{{WebUtility.HtmlEncode(title)}}</h1><p>{{WebUtility.HtmlEncode(text)}}</p>{{anchor}}</body></html>
            """;
        return new PageResult(status, html);
    }

    /// <summary>HTML with headers that keep the page (and the code in its URL) out of caches and referrers.</summary>
    private sealed class PageResult(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            return response.WriteAsync(html);
        }
    }
}
