namespace NormBot.Slack;

/// <summary>The <c>Slack</c> configuration section.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary><c>xoxb-</c> bot token; required outside demo.</summary>
    public string? BotToken { get; set; }

    /// <summary><c>xapp-</c> app-level token; when set, Socket Mode is used.</summary>
    public string? AppToken { get; set; }

    /// <summary>Signs Slack's HTTP requests; required in HTTP mode.</summary>
    public string? SigningSecret { get; set; }

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    public bool UseSocketMode => !string.IsNullOrWhiteSpace(AppToken);
}
