using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NormBot.Tests.TestSupport;

namespace NormBot.Tests.Hosting;

public sealed class ConsoleLogFormatTests
{
    [Test]
    public async Task ConsoleLogs_ByDefault_AreJsonForLogCollectors()
    {
        await using var app = new NormBotFactory();

        var options = app.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value;

        Assert.That(options.FormatterName, Is.EqualTo(ConsoleFormatterNames.Json));
    }
}
