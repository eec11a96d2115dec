using Microsoft.Extensions.Time.Testing;
using NormBot.Slack.Api;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Api;

public sealed class SlackRatePacerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public void WaitAsync_Tier2Burst_ReleasesBurstThenOneEveryThreeSeconds()
    {
        var pacer = new SlackRatePacer(_time);
        var rule = SlackMethodTiers.RuleFor("users.list");

        var calls = Enumerable.Range(0, rule.Burst + 3).Select(_ => pacer.WaitAsync("users.list", null, CancellationToken.None)).ToList();

        Assert.That(rule.Interval, Is.EqualTo(TimeSpan.FromSeconds(3)), "Tier 2 is 20 per minute");
        Assert.That(calls.Count(c => c.IsCompleted), Is.EqualTo(rule.Burst));
        for (var extra = 1; extra <= 3; extra++)
        {
            _time.Advance(rule.Interval - TimeSpan.FromMilliseconds(1));
            Assert.That(calls.Count(c => c.IsCompleted), Is.EqualTo(rule.Burst + extra - 1), $"not before slot {extra}");
            _time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.That(calls.Count(c => c.IsCompleted), Is.EqualTo(rule.Burst + extra), $"slot {extra}");
        }
    }

    [Test]
    public void WaitAsync_PostMessage_PacesEachChannelSeparately()
    {
        var pacer = new SlackRatePacer(_time);
        var burst = SlackMethodTiers.RuleFor(SlackMethodTiers.PostMessage).Burst;

        var busy = Enumerable.Range(0, burst + 1).Select(_ => pacer.WaitAsync(SlackMethodTiers.PostMessage, "C1", CancellationToken.None)).ToList();
        var other = pacer.WaitAsync(SlackMethodTiers.PostMessage, "C2", CancellationToken.None);

        Assert.That(busy[^1].IsCompleted, Is.False, "C1 is over its burst");
        Assert.That(other.IsCompleted, Is.True, "C2 has its own bucket");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(busy[^1].IsCompleted, Is.True, "about one message per second per channel");
    }

    [Test]
    public void WaitAsync_AfterIdle_RefillsOnlyUpToTheBurst()
    {
        var pacer = new SlackRatePacer(_time);
        var rule = SlackMethodTiers.RuleFor("apps.connections.open");

        _time.Advance(TimeSpan.FromHours(1));
        var calls = Enumerable.Range(0, rule.Burst + 1).Select(_ => pacer.WaitAsync("apps.connections.open", null, CancellationToken.None)).ToList();

        Assert.That(calls.Count(c => c.IsCompleted), Is.EqualTo(rule.Burst));
    }

    [Test]
    [SlackSpecs]
    public void ByMethod_MatchesSlackTierMap()
    {
        var tiers = SlackSpecs.ReadJson("web-api", "rate_limit_tiers.json");

        foreach (var (method, tier) in SlackMethodTiers.ByMethod)
        {
            Assert.That((string?)tiers[method], Is.EqualTo(tier), method);
        }
    }

    [Test]
    public async Task Client_BurstOfTier3Calls_IsSpacedBeforeReachingSlack()
    {
        using var slack = new SlackApiHarness();
        var rule = SlackMethodTiers.RuleFor("conversations.info");
        const int Calls = 13;
        for (var i = 0; i < Calls; i++)
        {
            slack.Http.Answer(System.Net.HttpStatusCode.OK, """{"ok":true,"channel":{"id":"C1"}}""");
        }

        var all = Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => slack.Api.GetConversationInfoAsync("C1", CancellationToken.None)));
        await slack.PumpAsync(all.ContinueWith(_ => 0, TaskScheduler.Default), TimeSpan.FromMilliseconds(100));

        var times = slack.Http.Requests.Select(r => r.At).Order().ToList();
        Assert.That(times, Has.Count.EqualTo(Calls));
        Assert.That(times[rule.Burst - 1] - times[0], Is.EqualTo(TimeSpan.Zero), "the burst goes out at once");
        Assert.That(times[^1] - times[0], Is.GreaterThanOrEqualTo(rule.Interval * (Calls - rule.Burst)), "the rest one interval apart");
    }

    [Test]
    public void Hold_RetryAfter_DelaysTheNextCallerForThatLong()
    {
        var pacer = new SlackRatePacer(_time);

        pacer.Hold(SlackRatePacer.KeyFor(SlackMethodTiers.PostMessage, "C1"), TimeSpan.FromSeconds(30));
        var held = pacer.WaitAsync(SlackMethodTiers.PostMessage, "C1", CancellationToken.None);
        var otherChannel = pacer.WaitAsync(SlackMethodTiers.PostMessage, "C2", CancellationToken.None);

        Assert.That(otherChannel.IsCompleted, Is.True);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.That(held.IsCompleted, Is.False);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(held.IsCompleted, Is.True);
    }

    [Test]
    public async Task Client_429OnChannel_MakesTheNextPostToThatChannelWaitToo()
    {
        using var slack = new SlackApiHarness();
        slack.Http.AnswerRateLimited();
        slack.Http.AnswerFixture("ok.with_warning.json");
        slack.Http.AnswerFixture("ok.with_warning.json");

        var first = slack.Api.PostMessageAsync(new NormBot.Slack.Api.PostMessage("C0123GENRL", "one"), CancellationToken.None);
        await slack.Time.TimerDueAsync(slack.Time.GetUtcNow() + TimeSpan.FromSeconds(30)); // waiting out the 429's Retry-After
        var second = slack.Api.PostMessageAsync(new NormBot.Slack.Api.PostMessage("C0123GENRL", "two"), CancellationToken.None);
        await slack.PumpAsync(Task.WhenAll(first, second).ContinueWith(_ => 0, TaskScheduler.Default));

        var requests = slack.Http.Requests;
        Assert.That(requests, Has.Count.EqualTo(3));
        Assert.That(requests.Select(r => r.At - requests[0].At), Has.All.Matches<TimeSpan>(d => d == TimeSpan.Zero || d >= TimeSpan.FromSeconds(30)));
        Assert.That(requests.Skip(1).Select(r => r.At - requests[0].At), Has.All.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)));
    }
}
