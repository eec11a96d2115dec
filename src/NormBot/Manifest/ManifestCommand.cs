namespace NormBot.Manifest;

/// <summary><c>normbot manifest [--http https://your.host]</c>: prints the Slack app manifest as YAML.</summary>
public static class ManifestCommand
{
    public const string Usage = "Usage: normbot manifest [--http https://your.host]   (without --http: a Socket Mode app)";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        Uri? host = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "manifest":
                    break;
                case "--http" when i + 1 < args.Count:
                    if (!Uri.TryCreate(args[++i], UriKind.Absolute, out host) || (host.Scheme != Uri.UriSchemeHttps && host.Scheme != Uri.UriSchemeHttp))
                    {
                        error.WriteLine($"--http needs the public base URL of this bot, for example https://normbot.example.com (got \"{args[i]}\")");
                        return 2;
                    }

                    break;
                case "--http":
                    error.WriteLine($"--http needs the public base URL of this bot, for example https://normbot.example.com. {Usage}");
                    return 2;
                default:
                    error.WriteLine($"Unknown argument \"{args[i]}\". {Usage}");
                    return 2;
            }
        }

        output.Write("# Slack app manifest for NormBot: paste it at https://api.slack.com/apps > Create New App > From a manifest.\n");
        output.Write(host is null
            ? "# Socket Mode: also create an app-level token with connections:write and set Slack:AppToken.\n"
            : $"# HTTP mode: Slack calls {host.GetLeftPart(UriPartial.Path).TrimEnd('/')}/slack/*; set Slack:SigningSecret.\n");
        output.Write(AppManifest.ToYaml(host));
        return 0;
    }
}
