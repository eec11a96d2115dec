using Microsoft.Extensions.Time.Testing;
using NormBot.Slack.Inbox;

namespace NormBot.Tests.Slack.Inbox;

/// <summary>The flood signal that makes processing step aside for acknowledgements.</summary>
public sealed class InboxQueueFloodTests
{
    private readonly FakeTimeProvider _clock = new();

    [Test]
    public void SlackPace_IsNotAFlood()
    {
        var queue = new InboxQueue(_clock);
        for (var i = 0; i < 20; i++)
        {
            queue.NoteArrivals(2); // 8 a second, Slack's per-workspace ceiling
            _clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        Assert.That(queue.IsBusy, Is.False);
    }

    [Test]
    public void ThousandsASecond_IsAFlood_EvenWhenEveryDeliveryIsARetryOfOneAlreadyStored()
    {
        // The writer notes every delivery, duplicates included: a retry storm costs the ack path as much as new events.
        var queue = new InboxQueue(_clock);
        queue.NoteArrivals(500);
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        queue.NoteArrivals(1);

        Assert.That(queue.IsBusy, Is.True);
    }

    [Test]
    public void FloodThatStopped_IsOverAfterHalfASecondOfQuiet()
    {
        var queue = new InboxQueue(_clock);
        queue.NoteArrivals(500);
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        queue.NoteArrivals(1);
        _clock.Advance(TimeSpan.FromMilliseconds(600));

        Assert.That(queue.IsBusy, Is.False);
    }
}
