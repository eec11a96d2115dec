namespace NormBot.SlackEmulator;

/// <summary>The kinds of misbehaviour the emulator can inject into a Web API method.</summary>
public enum EmulatedFaultKind
{
    RateLimited,
    SlackError,
    ServerError,
    Delay,
}
