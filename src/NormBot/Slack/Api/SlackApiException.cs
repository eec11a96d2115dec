namespace NormBot.Slack.Api;

/// <summary>Slack answered <c>ok:false</c>; <see cref="Error"/> is Slack's error code (e.g. <c>not_in_channel</c>).</summary>
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
        : base(message, innerException)
    {
        Method = "unknown";
        Error = "unknown_error";
    }

    public SlackApiException(string method, string error, string? needed = null, string? provided = null)
        : base(needed is null ? $"Slack {method} failed: {error}" : $"Slack {method} failed: {error} (needed {needed}, provided {provided})")
    {
        Method = method;
        Error = error;
        Needed = needed;
        Provided = provided;
    }

    public string Method { get; }

    public string Error { get; }

    public string? Needed { get; }

    public string? Provided { get; }
}
