using NormBot.Demo;
using NormBot.Hosting;
using NormBot.Manifest;
using NormBot.Slack.Inbox;

var verb = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "run";
switch (verb)
{
    case "healthcheck":
        return await HealthProbe.RunAsync(args);
    case "manifest":
        return ManifestCommand.Run(args, Console.Out, Console.Error);
    case "demo":
        return await DemoCommand.RunAsync(args, Console.Out, Console.Error);
    case "inbox":
        return await InboxCommand.RunAsync(args, Console.Out, Console.Error);
    case "run":
        break;
    default:
        Console.Error.WriteLine($"Unknown verb \"{verb}\". Use run (default), demo, inbox, manifest or healthcheck.");
        return 2;
}

// Slim: none of the HTTPS, IIS or hosting-startup plumbing this bot never uses (about 5 MB less resident).
// No config reload: options are validated once at start, and the file watcher it needs watches the content
// root recursively, which in the container holds data/, so every SQLite write woke it.
var builder = WebApplication.CreateSlimBuilder(args.Where(a => a != verb).Append("--hostBuilder:reloadConfigOnChange=false").ToArray());
// The slim builder pins the simple console formatter; the configuration's choice (JSON by default) wins again.
builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
builder.AddNormBot(AppMode.Run);
var app = builder.Build();
if (ConfigurationCheck.Problems(app.Services) is { Count: > 0 } problems)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }

    return StartupErrors.ConfigurationExitCode;
}

app.UseNormBot();
await app.RunAsync();
return 0;
