namespace NormBot.SlackEmulator;

/// <summary>Identity, tokens and clock used by a <see cref="SlackEmulator"/> instance.</summary>
public sealed class SlackEmulatorOptions
{
    public string BotToken { get; init; } = "xoxb-emulator-bot-token";

    public string AppToken { get; init; } = "xapp-emulator-app-token";

    public string TeamId { get; init; } = "T0EMULATOR";

    public string TeamName { get; init; } = "Emulated Workspace";

    public string BotUserId { get; init; } = "U0NORMBOT";

    public string BotUserName { get; init; } = "normbot";

    public string BotId { get; init; } = "B0NORMBOT";

    public string AppId { get; init; } = "A0NORMBOT";

    /// <summary>The app's OAuth credentials, checked by the authorize page and <c>oauth.v2.access</c>.</summary>
    public string ClientId { get; init; } = "1111.2222";

    public string ClientSecret { get; init; } = "emulator-client-secret";

    /// <summary>Who clicks Allow on the emulated authorize page (the install's <c>authed_user</c>).</summary>
    public string InstallingUserId { get; init; } = "U0INSTALLR";

    /// <summary>Slack refuses chat.postMessage into channels the bot has not joined (without chat:write.public).</summary>
    public bool EnforceBotMembership { get; init; } = true;

    /// <summary>Real Slack allows 5 uses of a response_url within 30 minutes.</summary>
    public int ResponseUrlMaxUses { get; init; } = 5;

    public TimeSpan ResponseUrlLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Loopback port to bind; 0 (default) picks a free one, which tests should always use.</summary>
    public int Port { get; init; }

    /// <summary>Clock for generated <c>ts</c> values, call times and response URL expiry (not for injected delays).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
