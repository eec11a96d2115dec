using System.Text.Json.Nodes;
using NormBot.SlackEmulator;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.SlackEmulator;

[SlackSpecs]
public sealed class SlackOpenApiContractTests
{
    private static SlackOpenApiContract Contract => SlackOpenApiContract.Default;

    private static RecordedCall Call(string method, JsonObject args, string contentType = "application/json; charset=utf-8") =>
        new(method, "POST", contentType, null, args, DateTimeOffset.UnixEpoch, new JsonObject { ["ok"] = true });

    [Test]
    public void GoodCall_NoProblems() =>
        Assert.That(Contract.Check(Call("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "hi", ["thread_ts"] = "1.2", ["token"] = "x" })), Is.Empty);

    [Test]
    public void InventedMethod_Reported()
    {
        var problems = Contract.Check(Call("chat.postMessages", new JsonObject { ["channel"] = "C1" }));
        Assert.That(problems, Has.One.Contains("not a method"));
    }

    [Test]
    public void InventedArgument_Reported()
    {
        var problems = Contract.Check(Call("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "x", ["thread"] = "1.2" }));
        Assert.That(problems, Has.One.Contains("'thread'"));
    }

    [Test]
    public void MissingRequiredArgument_Reported()
    {
        var problems = Contract.Check(Call("reactions.add", new JsonObject { ["channel"] = "C1", ["name"] = "eyes" }));
        Assert.That(problems, Has.One.Contains("'timestamp' missing"));
    }

    [Test]
    public void JsonBodyForFormOnlyMethod_Reported()
    {
        var asJson = Contract.Check(Call("conversations.history", new JsonObject { ["channel"] = "C1" }));
        var asForm = Contract.Check(Call("conversations.history", new JsonObject { ["channel"] = "C1" }, "application/x-www-form-urlencoded"));

        Assert.Multiple(() =>
        {
            Assert.That(asJson, Has.One.Contains("sent as JSON"));
            Assert.That(asForm, Is.Empty);
        });
    }

    [Test]
    public void MethodsNewerThanSpec_Known()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Contract.HasMethod("apps.connections.open"), Is.True);
            Assert.That(Contract.Check(Call("apps.connections.open", [])), Is.Empty);
            Assert.That(Contract.Check(Call("response_url", new JsonObject { ["anything"] = 1 })), Is.Empty);
        });
    }
}
