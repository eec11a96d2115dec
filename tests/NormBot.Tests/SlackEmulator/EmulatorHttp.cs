using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emu = NormBot.SlackEmulator.SlackEmulator;

namespace NormBot.Tests.SlackEmulator;

/// <summary>Minimal hand-rolled Slack client for emulator tests, so they do not depend on the bot's client.</summary>
public static class EmulatorHttp
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static Task<ApiResult> PostJsonAsync(Emu emulator, string method, JsonObject args, string? token = "bot")
    {
        var content = new StringContent(args.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        return SendAsync(emulator, HttpMethod.Post, method, content, token);
    }

    /// <summary>Form bodies go without charset, as Slack asks (a charset earns <c>superfluous_charset</c>).</summary>
    public static Task<ApiResult> PostFormAsync(Emu emulator, string method, IEnumerable<KeyValuePair<string, string>> fields, string? token = "bot")
    {
        var content = new FormUrlEncodedContent(fields);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return SendAsync(emulator, HttpMethod.Post, method, content, token);
    }

    public static Task<ApiResult> GetAsync(Emu emulator, string method, IEnumerable<KeyValuePair<string, string>> query, string? token = "bot")
    {
        var qs = string.Join('&', query.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));
        return SendAsync(emulator, HttpMethod.Get, qs.Length == 0 ? method : $"{method}?{qs}", content: null, token);
    }

    public static async Task<ApiResult> PostToUrlAsync(string url, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri(url), content);
        return await ReadAsync(response);
    }

    /// <summary>"bot"/"app" pick the emulator's tokens; anything else is sent verbatim; null sends no header.</summary>
    private static async Task<ApiResult> SendAsync(Emu emulator, HttpMethod verb, string relative, HttpContent? content, string? token)
    {
        using var request = new HttpRequestMessage(verb, new Uri(emulator.ApiBaseUrl, relative)) { Content = content };
        var bearer = token switch { "bot" => emulator.BotToken, "app" => emulator.AppToken, _ => token };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await Client.SendAsync(request);
        return await ReadAsync(response);
    }

    private static async Task<ApiResult> ReadAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(raw) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        return new ApiResult((int)response.StatusCode, body, response.Headers, raw);
    }
}
