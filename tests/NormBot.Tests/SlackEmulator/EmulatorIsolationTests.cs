using System.Text.Json.Nodes;

namespace NormBot.Tests.SlackEmulator;

public sealed class EmulatorIsolationTests : EmulatorTestBase
{
    /// <summary>Sharing code with the bot would let both sides agree on the same serialisation mistake.</summary>
    [Test]
    public void EmulatorAssembly_DoesNotReferenceTheBot()
    {
        var references = typeof(NormBot.SlackEmulator.SlackEmulator).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.That(references, Has.None.EqualTo("NormBot"));
    }

    [Test]
    public async Task ConcurrentPosts_AllStoredWithDistinctTs()
    {
        var posts = Enumerable.Range(0, 40).Select(i => CallAsync("chat.postMessage", new JsonObject { ["channel"] = General, ["text"] = $"m{i}" }));

        var results = await Task.WhenAll(posts);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (string?)r.Json["ts"]).Distinct().Count(), Is.EqualTo(40));
            Assert.That(Emulator.Workspace.GetMessages(General), Has.Count.EqualTo(40));
            Assert.That(Emulator.Calls, Has.Count.EqualTo(40));
        });
    }
}
