using System.Buffers;

namespace NormBot.Slack.Http;

/// <summary>
/// Checks a request in the order that costs an attacker the most and us the least (PRODUCT §12): the signature headers
/// and the timestamp, then the declared size, then a bounded read into a pooled buffer, then the signature over the bytes.
/// </summary>
public static class SlackRequestBody
{
    /// <summary>Slack's largest payloads (a view submission with big state) stay far below this; Kestrel's body limit too.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(byte[]? Body, IResult? Rejection)> ReadVerifiedAsync(HttpContext http, SlackHttpServices services)
    {
        var request = http.Request;
        string? timestamp = request.Headers["X-Slack-Request-Timestamp"], signature = request.Headers["X-Slack-Signature"];
        var secret = services.SigningSecret;
        var now = services.Time.GetUtcNow();

        // Before a byte of the body is read: a request without Slack's headers, or from outside the window, ends here.
        var early = string.IsNullOrEmpty(secret) ? SlackSignatureVerifier.Outcome.BadSignature : SlackSignatureVerifier.CheckHeaders(timestamp, signature, now);
        if (early != SlackSignatureVerifier.Outcome.Valid)
        {
            return (null, Unauthorized(early));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var body = await ReadAsync(request.Body, http.RequestAborted);
        if (body is null)
        {
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var outcome = SlackSignatureVerifier.Verify(secret!, timestamp, signature, body, now);
        return outcome == SlackSignatureVerifier.Outcome.Valid ? (body, null) : (null, Unauthorized(outcome));
    }

    private static IResult Unauthorized(SlackSignatureVerifier.Outcome outcome) =>
        Results.Text($"invalid request: {Describe(outcome)}", statusCode: StatusCodes.Status401Unauthorized);

    private static string Describe(SlackSignatureVerifier.Outcome outcome) => outcome switch
    {
        SlackSignatureVerifier.Outcome.MissingHeaders => "missing X-Slack-Request-Timestamp or X-Slack-Signature",
        SlackSignatureVerifier.Outcome.Stale => "timestamp outside the 5-minute window",
        _ => "signature mismatch",
    };

    /// <summary>
    /// Reads into a pooled buffer, whatever Content-Length claimed (a lying or absent one included), and stops past
    /// <see cref="MaxBytes"/>; returns the body as one exact array (it is what the inbox stores), or null if too large.
    /// </summary>
    private static async Task<byte[]?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
                if (length > MaxBytes)
                {
                    return null;
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
