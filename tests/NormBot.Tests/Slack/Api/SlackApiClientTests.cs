using System.Net;
using System.Text.Json.Nodes;
using NormBot.Slack.Api;
using NormBot.Slack.Blocks;

namespace NormBot.Tests.Slack.Api;

public sealed class SlackApiClientTests
{
    private SlackApiHarness _slack = null!;

    [SetUp]
    public void SetUp() => _slack = new SlackApiHarness();

    [TearDown]
    public void TearDown() => _slack.Dispose();

    [Test]
    public async Task AuthTest_BotTokenFixture_ReturnsIdentityOverFormWithBearer()
    {
        _slack.Http.AnswerFixture("auth.test.bot_token.json");

        var me = await _slack.Api.AuthTestAsync(CancellationToken.None);

        var request = _slack.Http.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.UserId, Is.EqualTo("U06NORMBT1"));
            Assert.That(me.TeamId, Is.EqualTo("T06PLTFRM1"));
            Assert.That(me.BotId, Is.EqualTo("B06NORMBT1"));
            Assert.That(me.Team, Is.EqualTo("Acme Platform"));
            Assert.That(me.Url, Is.EqualTo("https://acme-platform.slack.com/"));
            Assert.That(request.Uri, Is.EqualTo(new Uri("https://slack.test/api/auth.test")));
            Assert.That(request.Authorization, Is.EqualTo($"Bearer {SlackApiHarness.BotToken}"));
            Assert.That(request.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
            Assert.That(request.Uri.ToString(), Does.Not.Contain("xox"));
            Assert.That(request.Body, Does.Not.Contain("xox"));
        }
    }

    [Test]
    public async Task GetDndInfo_AnotherUsersSchedule_ReadsNextStartAndEndOverForm()
    {
        // dnd.info for someone else, as the method's documentation shows it (the snooze fields are only for yourself).
        _slack.Http.Answer(HttpStatusCode.OK, """{"ok":true,"dnd_enabled":true,"next_dnd_start_ts":1450416600,"next_dnd_end_ts":1450452600}""");

        var dnd = await _slack.Api.GetDndInfoAsync("U0PRIYA01", CancellationToken.None);

        var request = _slack.Http.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dnd.DndEnabled, Is.True);
            Assert.That(dnd.NextDndStartTs, Is.EqualTo(1450416600));
            Assert.That(dnd.NextDndEndTs, Is.EqualTo(1450452600));
            Assert.That(request.Method, Is.EqualTo("dnd.info"));
            Assert.That(request.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
            Assert.That(request.Body, Is.EqualTo("user=U0PRIYA01"));
        }
    }

    [Test]
    public async Task PostMessage_OkWithWarning_ReturnsTsAndSendsJsonWithCharset()
    {
        _slack.Http.AnswerFixture("ok.with_warning.json");

        var posted = await _slack.Api.PostMessageAsync(
            new PostMessage("C06PLATFRM", "hello", [new SectionBlock(TextObject.Markdown("*hello*"))]),
            CancellationToken.None);

        var request = _slack.Http.Requests.Single();
        var body = JsonNode.Parse(request.Body)!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(posted.Channel, Is.EqualTo("C06PLATFRM"));
            Assert.That(posted.Ts, Is.EqualTo("1764241200.004500"));
            Assert.That(request.ContentType, Is.EqualTo("application/json; charset=utf-8"));
            Assert.That(request.Authorization, Is.EqualTo($"Bearer {SlackApiHarness.BotToken}"));
            Assert.That((string?)body["channel"], Is.EqualTo("C06PLATFRM"));
            Assert.That((bool?)body["unfurl_links"], Is.False);
            Assert.That(body.ContainsKey("thread_ts"), Is.False, "nulls are omitted");
            Assert.That((string?)body["blocks"]![0]!["type"], Is.EqualTo("section"));
            Assert.That(body.ToJsonString(), Does.Not.Contain("xox"));
        }
    }

    [TestCase("error.invalid_auth.json", "invalid_auth")]
    [TestCase("error.not_in_channel.json", "not_in_channel")]
    public void PostMessage_OkFalse_ThrowsTypedErrorWithoutRetry(string fixture, string code)
    {
        _slack.Http.AnswerFixture(fixture);

        var ex = Assert.ThrowsAsync<SlackApiException>(() =>
            _slack.Api.PostMessageAsync(new PostMessage("C0123GENRL", "hi"), CancellationToken.None));

        Assert.That(ex!.Error, Is.EqualTo(code));
        Assert.That(_slack.Http.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void GetConversationInfo_MissingScope_CarriesNeededAndProvided()
    {
        _slack.Http.AnswerFixture("error.missing_scope.json");

        var ex = Assert.ThrowsAsync<SlackApiException>(() => _slack.Api.GetConversationInfoAsync("C1", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Error, Is.EqualTo("missing_scope"));
            Assert.That(ex.Needed, Is.EqualTo("groups:read"));
            Assert.That(ex.Provided, Is.EqualTo("channels:read,chat:write,commands"));
            Assert.That(ex.Method, Is.EqualTo("conversations.info"));
        }
    }

    [Test]
    public async Task GetConversationReplies_TwoPages_FollowsCursorUntilEmpty()
    {
        _slack.Http.AnswerFixture("conversations.replies.page1.json");
        _slack.Http.AnswerFixture("conversations.replies.page2.json");

        var messages = await _slack.Api.GetConversationRepliesAsync("C06PLATFRM", "1764237600.001200", CancellationToken.None).ToListAsync();

        var requests = _slack.Http.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(messages.Select(m => m.Ts), Is.EqualTo(new[] { "1764237600.001200", "1764238200.003400", "1764238500.003600", "1764240000.003800" }));
            Assert.That(messages[0].ReplyCount, Is.EqualTo(3));
            Assert.That(messages[2].BotId, Is.EqualTo("B06NORMBT1"));
            Assert.That(messages[3].Subtype, Is.EqualTo("thread_broadcast"));
            Assert.That(messages[1].ThreadTs, Is.EqualTo("1764237600.001200"));
            Assert.That(requests, Has.Count.EqualTo(2));
            Assert.That(requests[0].Body, Does.Not.Contain("cursor="));
            Assert.That(requests[1].Body, Does.Contain("cursor=bmV4dF90czoxNzY0MjM4NTAwMDAzNjAw"));
            Assert.That(requests[1].Body, Does.Contain("ts=1764237600.001200"));
            Assert.That(requests.Select(r => r.ContentType), Is.All.EqualTo("application/x-www-form-urlencoded"));
        }
    }

    [Test]
    public async Task OpenSocketConnection_UsesAppTokenNotBotToken()
    {
        _slack.Http.AnswerFixture("apps.connections.open.json");

        var url = await _slack.Api.OpenSocketConnectionAsync(CancellationToken.None);

        Assert.That(url.Scheme, Is.EqualTo("wss"));
        Assert.That(_slack.Http.Requests.Single().Authorization, Is.EqualTo($"Bearer {SlackApiHarness.AppToken}"));
    }

    [Test]
    public async Task PostToResponseUrl_SendsJsonWithoutAuthorization()
    {
        _slack.Http.Answer(HttpStatusCode.OK, """{"ok":true}""");
        var url = new Uri("https://hooks.slack.com/commands/T0123NORM/6100000000001/Zk3pQ8vX2mR7tY1uW4sN9bLc");

        await _slack.Api.PostToResponseUrlAsync(url, new ResponseUrlMessage("Done", ResponseType: ResponseUrlMessage.InChannel), CancellationToken.None);

        var request = _slack.Http.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Uri, Is.EqualTo(url));
            Assert.That(request.Authorization, Is.Null);
            Assert.That(request.ContentType, Is.EqualTo("application/json; charset=utf-8"));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(request.Body), JsonNode.Parse("""{"text":"Done","response_type":"in_channel"}""")), Is.True, request.Body);
        }
    }

    [Test]
    public void PostToResponseUrl_Expired_ThrowsWithSlackError()
    {
        _slack.Http.Answer(HttpStatusCode.NotFound, """{"ok":false,"error":"expired_url"}""");

        var ex = Assert.ThrowsAsync<SlackApiException>(() =>
            _slack.Api.PostToResponseUrlAsync(new Uri("https://hooks.slack.com/actions/T1/2/abc"), new ResponseUrlMessage(DeleteOriginal: true), CancellationToken.None));

        Assert.That(ex!.Error, Is.EqualTo("expired_url"));
    }
}
