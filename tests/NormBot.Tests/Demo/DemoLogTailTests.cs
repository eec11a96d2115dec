using Microsoft.Extensions.Logging;
using NormBot.Demo;

namespace NormBot.Tests.Demo;

public sealed class DemoLogTailTests
{
    [Test]
    public void Describe_KeepsTheLastThreeWarningsAndErrors_WithTheirExceptions()
    {
        using var tail = new DemoLogTail();
        var quartz = tail.CreateLogger("Quartz.Core.QuartzSchedulerThread");
        var inbox = tail.CreateLogger("NormBot.Slack.Inbox.InboxWorker");

        quartz.LogWarning("first");
        inbox.LogInformation("an ordinary day");
        inbox.LogWarning("second");
        quartz.LogError(new TimeoutException("database is locked"), "An error occurred while scanning for the next trigger to fire.");
        inbox.LogCritical("fourth");

        Assert.That(tail.Describe(), Is.EqualTo(
            "Warning NormBot.Slack.Inbox.InboxWorker: second | " +
            "Error Quartz.Core.QuartzSchedulerThread: An error occurred while scanning for the next trigger to fire. (TimeoutException: database is locked) | " +
            "Critical NormBot.Slack.Inbox.InboxWorker: fourth"));
    }

    [Test]
    public void Describe_NothingLogged_SaysNone()
    {
        using var tail = new DemoLogTail();
        tail.CreateLogger("NormBot").LogInformation("started");

        Assert.That(tail.Describe(), Is.EqualTo("none"));
    }
}
