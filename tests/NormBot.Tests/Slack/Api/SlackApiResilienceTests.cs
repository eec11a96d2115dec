using System.Net;
using NormBot.Slack.Api;

namespace NormBot.Tests.Slack.Api;

public sealed class SlackApiResilienceTests
{
    private SlackApiHarness _slack = null!;

    [SetUp]
    public void SetUp() => _slack = new SlackApiHarness();

    [TearDown]
    public void TearDown() => _slack.Dispose();

    [Test]
    public async Task Call_429WithRetryAfter_WaitsOnTheClockThenSucceeds()
    {
        _slack.Http.AnswerRateLimited();
        _slack.Http.AnswerFixture("auth.test.bot_token.json");

        var me = await _slack.PumpAsync(_slack.Api.AuthTestAsync(CancellationToken.None));

        var requests = _slack.Http.Requests;
        Assert.That(me.UserId, Is.EqualTo("U06NORMBT1"));
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].At - requests[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Call_429Forever_WaitsAMinuteInAllThenGivesUpWithRetryAfter()
    {
        for (var i = 0; i < 3; i++)
        {
            _slack.Http.AnswerRateLimited();
        }

        var ex = Assert.ThrowsAsync<SlackRateLimitedException>(() =>
            _slack.PumpAsync(_slack.Api.AuthTestAsync(CancellationToken.None), TimeSpan.FromSeconds(5)));

        // Retry-After 30 s: two waits fill the minute one call may wait, the third 429 goes back to the caller.
        var requests = _slack.Http.Requests;
        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(ex.MayRetry, Is.True);
        Assert.That(requests, Has.Count.EqualTo(3));
        Assert.That(requests[^1].At - requests[0].At, Is.LessThanOrEqualTo(SlackResilience.MaxRateLimitWait + TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Call_429RetryAfterLongerThanAMinute_ReturnsAtOnceWithTheWait()
    {
        _slack.Http.Answer(HttpStatusCode.TooManyRequests, """{"ok":false,"error":"ratelimited"}""", retryAfterSeconds: 120);

        var call = _slack.Api.PostMessageAsync(new PostMessage("C1", "hello"), CancellationToken.None);

        // No clock movement: the call must not sit out two minutes holding its caller.
        var ex = Assert.ThrowsAsync<SlackRateLimitedException>(async () => await call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(_slack.Http.Requests, Has.Count.EqualTo(1));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public async Task Call_5xxThenOk_RetriesWithBackoff(HttpStatusCode status)
    {
        _slack.Http.Answer(status, "<html>oops</html>");
        _slack.Http.AnswerFixture("auth.test.bot_token.json");

        var me = await _slack.PumpAsync(_slack.Api.AuthTestAsync(CancellationToken.None));

        var requests = _slack.Http.Requests;
        Assert.That(me.TeamId, Is.EqualTo("T06PLTFRM1"));
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].At, Is.GreaterThan(requests[0].At), "the retry waited on the injected clock");
    }

    [Test]
    public async Task Call_NetworkFailureThenOk_Retries()
    {
        _slack.Http.AnswerNetworkFailure();
        _slack.Http.AnswerFixture("auth.test.bot_token.json");

        var me = await _slack.PumpAsync(_slack.Api.AuthTestAsync(CancellationToken.None));

        Assert.That(me.UserId, Is.EqualTo("U06NORMBT1"));
        Assert.That(_slack.Http.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Call_5xxEveryTime_StopsAfterThreeRetries()
    {
        for (var i = 0; i <= SlackResilience.TransientRetries; i++)
        {
            _slack.Http.Answer(HttpStatusCode.BadGateway, "");
        }

        var ex = Assert.ThrowsAsync<SlackApiException>(() => _slack.PumpAsync(_slack.Api.AuthTestAsync(CancellationToken.None)));

        Assert.That(ex!.Error, Is.EqualTo("http_502"));
        Assert.That(_slack.Http.Requests, Has.Count.EqualTo(SlackResilience.TransientRetries + 1));
    }

    [Test]
    public void PostMessage_ResponseLostAfterSending_NotSentAgain()
    {
        _slack.Http.AnswerFailure(HttpRequestError.ResponseEnded);

        var ex = Assert.ThrowsAsync<SlackApiException>(() => _slack.PumpAsync(_slack.Api.PostMessageAsync(new PostMessage("C1", "reminder"), CancellationToken.None)));

        // The post may be on someone's screen already: the same rule stops the outbox from resending it.
        Assert.That((ex!.Error, ex.Kind, ex.MayRetry), Is.EqualTo(("response_lost", SlackErrorKind.MayHaveLanded, false)));
        Assert.That(_slack.Http.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PostMessage_ConnectionNeverMade_Retried()
    {
        _slack.Http.AnswerFailure(HttpRequestError.ConnectionError);
        _slack.Http.Answer(HttpStatusCode.OK, """{"ok":true,"channel":"C1","ts":"1.2"}""");

        var posted = await _slack.PumpAsync(_slack.Api.PostMessageAsync(new PostMessage("C1", "reminder"), CancellationToken.None));

        Assert.That(posted.Ts, Is.EqualTo("1.2"));
        Assert.That(_slack.Http.Requests, Has.Count.EqualTo(2));
    }

    [TestCase(HttpStatusCode.InternalServerError, 2)] // Slack answered without acting: sent again
    [TestCase(HttpStatusCode.GatewayTimeout, 1)] // the gateway gave up, the post may have landed: not sent again
    public async Task PostMessage_5xx_RetriedOnlyWhenSlackDidNotAct(HttpStatusCode status, int requests)
    {
        _slack.Http.Answer(status, "<html>oops</html>");
        _slack.Http.Answer(HttpStatusCode.OK, """{"ok":true,"channel":"C1","ts":"1.2"}""");

        try
        {
            await _slack.PumpAsync(_slack.Api.PostMessageAsync(new PostMessage("C1", "reminder"), CancellationToken.None));
        }
        catch (SlackApiException ex)
        {
            Assert.That(ex.Error, Is.EqualTo("http_504"));
        }

        Assert.That(_slack.Http.Requests, Has.Count.EqualTo(requests));
    }

    [Test]
    public void InvalidAuth_ReportedForThatWorkspaceOnly()
    {
        _slack.Http.AnswerFixture("error.invalid_auth.json");

        var ex = Assert.ThrowsAsync<SlackApiException>(() => _slack.Api.PostMessageAsync(new PostMessage("C1", "reminder"), CancellationToken.None));

        Assert.That(ex!.Kind, Is.EqualTo(SlackErrorKind.Auth));
        Assert.That(_slack.Tokens.AuthFailures, Is.EqualTo(new[] { ((string?)SlackApiHarness.TeamId, "invalid_auth") }));
    }

    [Test]
    public void Logs_AfterCallsAndFailures_NeverContainTokensOrBodies()
    {
        _slack.Http.AnswerFixture("ok.with_warning.json");
        _slack.Http.AnswerFixture("error.not_in_channel.json");

        Assert.DoesNotThrowAsync(() => _slack.Api.PostMessageAsync(new PostMessage("C1", "secret norm text"), CancellationToken.None));
        Assert.ThrowsAsync<SlackApiException>(() => _slack.Api.PostMessageAsync(new PostMessage("C1", "secret norm text"), CancellationToken.None));

        var all = string.Join('\n', _slack.Logs.Lines);
        Assert.That(all, Does.Contain("not_in_channel"), "the failure itself is logged");
        Assert.That(all, Does.Not.Contain(SlackApiHarness.BotToken).And.Not.Contain("secret norm text").And.Not.Contain("xoxb-"));
    }

    [Test]
    public async Task Logs_ResponseUrlCall_NeverContainTheUrlSecret()
    {
        // The response_url path is itself the credential: anyone holding it can post as the app.
        _slack.Http.Answer(HttpStatusCode.OK, """{"ok":true}""");

        await _slack.Api.PostToResponseUrlAsync(new Uri("https://hooks.slack.com/commands/T0123NORM/6100000000001/Zk3pQ8vX2mR7tY1uW4sN9bLc"), new ResponseUrlMessage("x"), CancellationToken.None);

        Assert.That(string.Join('\n', _slack.Logs.Lines), Does.Not.Contain("Zk3pQ8vX2mR7tY1uW4sN9bLc"));
    }
}
