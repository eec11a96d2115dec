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
    public void Call_429Forever_GivesUpWithRateLimitedException()
    {
        for (var i = 0; i <= SlackResilience.RateLimitRetries; i++)
        {
            _slack.Http.AnswerRateLimited();
        }

        var ex = Assert.ThrowsAsync<SlackRateLimitedException>(() =>
            _slack.PumpAsync(_slack.Api.AuthTestAsync(CancellationToken.None), TimeSpan.FromSeconds(5)));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(_slack.Http.Requests, Has.Count.EqualTo(SlackResilience.RateLimitRetries + 1));
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
