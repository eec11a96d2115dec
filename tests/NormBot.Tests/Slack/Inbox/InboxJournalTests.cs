using System.Text;
using NormBot.Slack.Inbox;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Slack.Inbox;

public sealed class InboxJournalTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateFolder() => _directory = Path.Combine(Path.GetTempPath(), "normbot-tests", $"journal-{Guid.NewGuid():N}");

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Test]
    public void Leftovers_ProcessKilledRightAfterTheAcks_EveryEventBackByteForByte()
    {
        var journal = InboxJournal.Open(_directory);
        var sent = new[] { Envelope("Ev001", "hi, got a minute?"), Envelope("Ev002", "Può qualcuno rivedere il doc? 🚀 日本語"), Envelope("Ev003", "URGENT: prod is down") };
        var segments = sent.Select(e => journal.Append(e)!).ToList();

        // What a kill leaves: the file as the writes left it, nothing flushed or closed in order.
        segments[0].Abandon();

        var leftovers = InboxJournal.Leftovers(_directory).ToList();
        Assert.That(leftovers, Has.Count.EqualTo(1));
        var back = leftovers[0].Records;
        Assert.That(back.Select(e => (e.TeamId, e.EnvelopeId, e.Kind, e.ReceivedAt)), Is.EqualTo(sent.Select(e => (e.TeamId, e.EnvelopeId, e.Kind, e.ReceivedAt))));
        Assert.That(back.Select(e => Encoding.UTF8.GetString(e.Body)), Is.EqualTo(sent.Select(e => Encoding.UTF8.GetString(e.Body))));
    }

    [Test]
    public void Leftovers_WriterKilledMidRecordAndATornRecord_TheWholeOnesRecovered()
    {
        var journal = InboxJournal.Open(_directory);
        var sent = Enumerable.Range(1, 4).Select(i => Envelope($"Ev00{i}", $"message {i}")).ToList();
        var segment = sent.Select(e => journal.Append(e)!).ToList()[0];
        segment.Abandon();
        var bytes = File.ReadAllBytes(segment.Path);
        var second = JournalSegment.SizeOf(sent[0]);
        var third = second + JournalSegment.SizeOf(sent[1]);
        // The second record's space was reserved but never written (its writer died first); the third has a torn byte.
        bytes.AsSpan(second, 4).Clear();
        bytes[third + JournalSegment.SizeOf(sent[2]) - 12] ^= 0x20;
        File.WriteAllBytes(segment.Path, bytes);

        var back = InboxJournal.Leftovers(_directory).Single().Records;

        Assert.That(back.Select(e => e.EnvelopeId), Is.EqualTo(new[] { "Ev001", "Ev004" }));
    }

    [Test]
    public void Leftovers_SegmentALiveProcessAppendsTo_NotTaken()
    {
        var live = InboxJournal.Open(_directory);
        Assert.That(live.Append(Envelope("Ev001", "still being stored")), Is.Not.Null);

        Assert.That(InboxJournal.Leftovers(_directory), Is.Empty);
    }

    [Test]
    public void Append_MoreThanOneSegment_EachFileDeletedOnceItsEventsAreStored()
    {
        var journal = InboxJournal.Open(_directory);
        var body = new string('x', 64 * 1024);
        var segments = Enumerable.Range(0, 100).Select(i => journal.Append(Envelope($"Ev{i:D3}", body))!).ToList();
        Assert.That(segments.Distinct().Count(), Is.EqualTo(2), "6.4 MB of events in 4 MB segments");
        Assert.That(Directory.GetFiles(_directory), Has.Length.EqualTo(2));

        // The writer releases each event once it is in the inbox table; the full segment goes with its last event.
        foreach (var segment in segments.Take(70))
        {
            segment.Release();
        }

        Assert.That(Directory.GetFiles(_directory), Has.Length.EqualTo(1));
        foreach (var segment in segments.Skip(70))
        {
            segment.Release();
        }

        journal.Dispose();
        Assert.That(Directory.GetFiles(_directory), Is.Empty);
        Assert.That(journal.Append(Envelope("Ev999", "after the stop")), Is.Null, "after the stop events are committed directly");
    }

    [Test]
    public void Dispose_EventsNotYetStored_FileLeftForTheNextStart()
    {
        var journal = InboxJournal.Open(_directory);
        journal.Append(Envelope("Ev001", "acknowledged, not stored yet"));

        journal.Dispose();

        Assert.That(InboxJournal.Leftovers(_directory).Single().Records.Single().EnvelopeId, Is.EqualTo("Ev001"));
    }

    private static InboxEnvelope Envelope(string eventId, string text) =>
        new(EmulatedSlackApp.TeamId, eventId, InboxEnvelope.Event,
            Encoding.UTF8.GetBytes(SlackPayloads.Message("C0123GENRL", "U0456ALICE", text, "1700000000.000100", eventId: eventId).ToJsonString()),
            1_764_000_000_000);
}
