using NormBot.Slack.Api;

namespace NormBot.Tests.Slack.Api;

/// <summary>The one table (PRODUCT §12) and the one retry rule the client and the outbox share.</summary>
public sealed class SlackErrorsTests
{
    [TestCase("ratelimited", SlackErrorKind.Retryable, SlackErrorTarget.None)]
    [TestCase("internal_error", SlackErrorKind.Retryable, SlackErrorTarget.None)]
    [TestCase("service_unavailable", SlackErrorKind.Retryable, SlackErrorTarget.None)]
    [TestCase("request_timeout", SlackErrorKind.Retryable, SlackErrorTarget.None)]
    [TestCase("http_500", SlackErrorKind.Retryable, SlackErrorTarget.None)]
    [TestCase("http_503", SlackErrorKind.Retryable, SlackErrorTarget.None)]
    [TestCase("connection_failed", SlackErrorKind.Retryable, SlackErrorTarget.None)] // never left this machine
    [TestCase("http_504", SlackErrorKind.MayHaveLanded, SlackErrorTarget.None)] // the gateway timed out, the backend may not have
    [TestCase("fatal_error", SlackErrorKind.MayHaveLanded, SlackErrorTarget.None)]
    [TestCase("timeout", SlackErrorKind.MayHaveLanded, SlackErrorTarget.None)]
    [TestCase("response_lost", SlackErrorKind.MayHaveLanded, SlackErrorTarget.None)]
    [TestCase("invalid_auth", SlackErrorKind.Auth, SlackErrorTarget.None)]
    [TestCase("token_revoked", SlackErrorKind.Auth, SlackErrorTarget.None)]
    [TestCase("not_authed", SlackErrorKind.Auth, SlackErrorTarget.None)]
    [TestCase("account_inactive", SlackErrorKind.Auth, SlackErrorTarget.None)] // the client asks auth.test before pausing
    [TestCase("channel_not_found", SlackErrorKind.Permanent, SlackErrorTarget.Channel)]
    [TestCase("not_in_channel", SlackErrorKind.Permanent, SlackErrorTarget.Channel)]
    [TestCase("is_archived", SlackErrorKind.Permanent, SlackErrorTarget.Channel)]
    [TestCase("user_not_found", SlackErrorKind.Permanent, SlackErrorTarget.User)]
    [TestCase("cannot_dm_bot", SlackErrorKind.Permanent, SlackErrorTarget.User)]
    [TestCase("invalid_blocks", SlackErrorKind.Permanent, SlackErrorTarget.None)] // unknown codes: a mistake in the call
    [TestCase("missing_scope", SlackErrorKind.Permanent, SlackErrorTarget.None)]
    public void Classify_Code_KindAndTarget(string error, SlackErrorKind kind, SlackErrorTarget target) =>
        Assert.That(SlackErrors.Classify(error), Is.EqualTo((kind, target)));

    [TestCase("chat.postMessage", SlackErrorKind.Retryable, true)]
    [TestCase("chat.postMessage", SlackErrorKind.MayHaveLanded, false)] // a second copy on someone's screen
    [TestCase("chat.postEphemeral", SlackErrorKind.MayHaveLanded, false)]
    [TestCase("chat.update", SlackErrorKind.MayHaveLanded, true)] // sets the same content again
    [TestCase("views.publish", SlackErrorKind.MayHaveLanded, true)]
    [TestCase("users.info", SlackErrorKind.MayHaveLanded, true)]
    [TestCase("users.info", SlackErrorKind.Permanent, false)]
    [TestCase("users.info", SlackErrorKind.Auth, false)]
    public void MayRetry_MethodAndKind(string method, SlackErrorKind kind, bool retry) =>
        Assert.That(SlackErrors.MayRetry(method, kind), Is.EqualTo(retry));

    [TestCase(HttpRequestError.ConnectionError, "connection_failed")]
    [TestCase(HttpRequestError.NameResolutionError, "connection_failed")]
    [TestCase(HttpRequestError.ResponseEnded, "response_lost")]
    [TestCase(HttpRequestError.Unknown, "response_lost")]
    public void ForException_WhetherTheRequestCanHaveLanded(HttpRequestError cause, string error) =>
        Assert.That(SlackErrors.ForException(new HttpRequestException(cause, "x")), Is.EqualTo(error));
}
