namespace NormBot.Tests;

public sealed class SmokeTests
{
    [Test]
    public void Emulator_TypeExists() => Assert.That(typeof(NormBot.SlackEmulator.SlackEmulator).Assembly.GetName().Name, Is.EqualTo("NormBot.SlackEmulator"));
}
