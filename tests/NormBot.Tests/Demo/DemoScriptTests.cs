using NormBot.Demo;

namespace NormBot.Tests.Demo;

/// <summary>A broken demo script stops with one clear line per problem, before anything starts.</summary>
public sealed class DemoScriptTests
{
    private const string Team = """
        date: 2026-11-23
        team:
          - { name: ana, tz: Europe/Lisbon }
        channels:
          general: [ana]
        day:

        """;

    [TestCase("  - { at: \"09:00\", who: ana, say: hi, reply_to: nope }", "step 1 (at 09:00): no earlier message has id 'nope'")]
    [TestCase("  - { at: \"09:00\", who: zoe, say: hi }", "step 1 (at 09:00): 'who' must name someone in the team (ana)")]
    [TestCase("  - { at: \"9h\", who: ana, say: hi }", "'at' must be HH:MM")]
    [TestCase("  - { at: \"10:00\", who: ana, say: hi }\n  - { at: \"09:00\", who: ana, say: hi }", "step 2 (at 09:00): steps must be in time order")]
    [TestCase("  - { at: \"09:00\", who: ana, say: hi, react: eyes, on: x }", "needs exactly one of say, react, press, command, note")]
    [TestCase("  - { at: \"09:00\", who: ana, say: hi, in: random }", "no channel #random")]
    [TestCase("  - { at: \"09:00\", who: ana, shout: hi }", "line 7")]
    public async Task BrokenScript_ExitsOneNamingTheProblem(string steps, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"normbot-demo-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, Team + steps + "\n");
        using var error = new StringWriter();
        using var output = new StringWriter();

        var code = await DemoCommand.RunAsync(["demo", "--script", path], output, error);

        File.Delete(path);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error.ToString(), Does.StartWith("normbot demo failed: ").And.Contain(expected));
        Assert.That(output.ToString(), Is.Empty);
    }

    [TestCase("--speed", "fast")]
    [TestCase("--speed", "-1")]
    [TestCase("--verbose", "")]
    public async Task BadArguments_ExitTwoWithUsage(string name, string value)
    {
        using var error = new StringWriter();

        var code = await DemoCommand.RunAsync(value.Length == 0 ? ["demo", name] : ["demo", name, value], TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain(DemoCommand.Usage));
    }

    [Test]
    public async Task MissingScript_ExitsOneNamingThePath()
    {
        using var error = new StringWriter();

        var code = await DemoCommand.RunAsync(["demo", "--script", "/nowhere/day.yaml"], TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error.ToString(), Does.Contain("No demo script at /nowhere/day.yaml"));
    }
}
