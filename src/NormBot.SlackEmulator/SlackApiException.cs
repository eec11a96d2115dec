namespace NormBot.SlackEmulator;

/// <summary>Raised by method handlers to answer <c>{"ok":false,"error":Error}</c> at HTTP 200.</summary>
internal sealed class SlackApiException(string error, string? detail = null) : Exception(detail ?? error)
{
    public string Error { get; } = error;

    /// <summary>Text for <c>response_metadata.messages</c>, as Slack does for <c>invalid_arguments</c>.</summary>
    public string? Detail { get; } = detail;
}
