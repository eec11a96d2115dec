using Microsoft.Extensions.Options;
using NormBot.Slack.Inbox;

namespace NormBot.Slack.Http;

/// <summary>
/// What the Slack endpoints need, all singletons, taken from the root provider on first use. Handler parameters
/// resolved by minimal APIs (or any touch of <c>HttpContext.RequestServices</c>) would open a DI scope per request:
/// a dictionary and three other objects on every event the ack path answers.
/// </summary>
public sealed class SlackHttpServices(IServiceProvider services)
{
    public SlackIntake Intake => field ??= services.GetRequiredService<SlackIntake>();

    public ILogger Logger => field ??= services.GetRequiredService<ILogger<SlackIntake>>();

    public TimeProvider Time => field ??= services.GetRequiredService<TimeProvider>();

    public string SigningSecret => field ??= services.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret ?? "";
}
