namespace NormBot.Slack.Http;

/// <summary>Reads a request's raw bytes (bounded) and checks Slack's signature before anything parses them.</summary>
public static class SlackRequestBody
{
    /// <summary>Slack's largest payloads (a view submission with big state) stay far below this.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(byte[]? Body, IResult? Rejection)> ReadVerifiedAsync(HttpContext http, SlackHttpServices services)
    {
        var request = http.Request;
        if (request.ContentLength > MaxBytes)
        {
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var body = await ReadAsync(request.Body, (int?)request.ContentLength, http.RequestAborted);
        if (body is null)
        {
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var secret = services.SigningSecret;
        var now = services.Time.GetUtcNow();
        var outcome = string.IsNullOrEmpty(secret)
            ? SlackSignatureVerifier.Outcome.BadSignature
            : SlackSignatureVerifier.Verify(secret, request.Headers["X-Slack-Request-Timestamp"], request.Headers["X-Slack-Signature"], body, now);
        return outcome == SlackSignatureVerifier.Outcome.Valid
            ? (body, null)
            : (null, Results.Text($"invalid request: {Describe(outcome)}", statusCode: StatusCodes.Status401Unauthorized));
    }

    private static string Describe(SlackSignatureVerifier.Outcome outcome) => outcome switch
    {
        SlackSignatureVerifier.Outcome.MissingHeaders => "missing X-Slack-Request-Timestamp or X-Slack-Signature",
        SlackSignatureVerifier.Outcome.Stale => "timestamp outside the 5-minute window",
        _ => "signature mismatch",
    };

    private static async Task<byte[]?> ReadAsync(Stream stream, int? length, CancellationToken ct)
    {
        if (length is { } known)
        {
            var exact = new byte[known];
            await stream.ReadExactlyAsync(exact, ct);
            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
