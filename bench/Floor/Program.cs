using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

// The floor for any .NET Slack bot on this machine: read the body, check the v0 signature and the 5-minute window,
// parse the JSON, answer 200. No storage, no rules, no logging: an ASP.NET Core app that acknowledges an event
// cannot do less, so NormBot's figures are read against it.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var secret = Encoding.UTF8.GetBytes(app.Configuration["SigningSecret"] ?? "bench-signing-secret");
var window = TimeSpan.FromMinutes(5);

app.MapPost("/slack/event", async context =>
{
    var request = context.Request;
    if (request.ContentLength is not { } length || length > 1 << 20)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return;
    }

    var stamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
    var signature = request.Headers["X-Slack-Signature"].ToString();
    if (!long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        || (TimeProvider.System.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > window
        || !signature.StartsWith("v0=", StringComparison.Ordinal))
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return;
    }

    var prefix = Encoding.ASCII.GetBytes($"v0:{stamp}:");
    var signed = new byte[prefix.Length + length];
    prefix.CopyTo(signed, 0);
    await request.Body.ReadExactlyAsync(signed.AsMemory(prefix.Length));
    var expected = HMACSHA256.HashData(secret, signed);
    byte[] given;
    try
    {
        given = Convert.FromHexString(signature.AsSpan(3));
    }
    catch (FormatException)
    {
        given = [];
    }

    if (!CryptographicOperations.FixedTimeEquals(expected, given))
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return;
    }

    using var json = JsonDocument.Parse(signed.AsMemory(prefix.Length));
    context.Response.StatusCode = json.RootElement.TryGetProperty("type", out _) ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
});

await app.RunAsync();
