namespace NormBot.Slack.Api;

/// <summary>
/// A Slack call failed: Slack answered <c>ok:false</c>, or HTTP failed on the way. <see cref="Error"/> is Slack's code
/// (e.g. <c>not_in_channel</c>) or one of ours in <see cref="SlackErrors"/>; <see cref="Kind"/> says what to do about it.
/// </summary>
public class SlackApiException : Exception
{
    public SlackApiException()
        : this("unknown", "unknown_error")
    {
    }

    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : this("unknown", "unknown_error", innerException)
    {
    }

    public SlackApiException(string method, string error, Exception innerException)
        : base($"Slack {method} failed: {error}", innerException)
    {
        Method = method;
        Error = error;
        (Kind, Target) = SlackErrors.Classify(error);
    }

    public SlackApiException(string method, string error, string? needed = null, string? provided = null)
        : base(needed is null ? $"Slack {method} failed: {error}" : $"Slack {method} failed: {error} (needed {needed}, provided {provided})")
    {
        Method = method;
        Error = error;
        Needed = needed;
        Provided = provided;
        (Kind, Target) = SlackErrors.Classify(error);
    }

    public string Method { get; }

    public string Error { get; }

    public string? Needed { get; }

    public string? Provided { get; }

    /// <summary>From <see cref="SlackErrors"/>; the client overrides it only where Slack's code is ambiguous.</summary>
    public SlackErrorKind Kind { get; init; }

    public SlackErrorTarget Target { get; init; }

    /// <summary>Whether this same call may be made again later (<see cref="SlackErrors.MayRetry"/>).</summary>
    public bool MayRetry => SlackErrors.MayRetry(Method, Kind);
}
