namespace NormBot.SlackEmulator;

/// <summary>A fault to inject into the next call(s) of a method; build one with the static factories.</summary>
public sealed class EmulatedFault
{
    private EmulatedFault(EmulatedFaultKind kind)
    {
        Kind = kind;
    }

    public EmulatedFaultKind Kind { get; }

    public int RetryAfterSeconds { get; private init; }

    public string? ErrorCode { get; private init; }

    public int StatusCode { get; private init; } = 200;

    public TimeSpan DelayBy { get; private init; }

    /// <summary>HTTP 429 with <c>Retry-After</c> and body <c>{"ok":false,"error":"ratelimited"}</c>.</summary>
    public static EmulatedFault RateLimited(int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        return new(EmulatedFaultKind.RateLimited) { RetryAfterSeconds = retryAfterSeconds, StatusCode = 429, ErrorCode = "ratelimited" };
    }

    /// <summary>HTTP 200 with <c>{"ok":false,"error":code}</c>, the way Slack reports almost every failure.</summary>
    public static EmulatedFault Error(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return new(EmulatedFaultKind.SlackError) { ErrorCode = code };
    }

    /// <summary>An HTTP 5xx with a non-Slack body, like an upstream outage.</summary>
    public static EmulatedFault ServerError(int status = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        return new(EmulatedFaultKind.ServerError) { StatusCode = status };
    }

    /// <summary>Waits before answering normally, to exercise client timeouts.</summary>
    public static EmulatedFault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(EmulatedFaultKind.Delay) { DelayBy = delay };
    }

    public override string ToString() => Kind switch
    {
        EmulatedFaultKind.RateLimited => $"RateLimited({RetryAfterSeconds}s)",
        EmulatedFaultKind.SlackError => $"Error({ErrorCode})",
        EmulatedFaultKind.ServerError => $"ServerError({StatusCode})",
        _ => $"Delay({DelayBy})",
    };
}
