namespace NormBot.Slack.Api;

/// <summary>
/// The Web API as one workspace's bot, like SlackNet's <c>WithAccessToken</c>: every call site names the workspace,
/// so one workspace's call can never carry another's token.
/// </summary>
public interface ISlackClients
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Reads as English at the call site (slack.For(teamId).PostMessageAsync); nobody implements this in VB.")]
    ISlackApi For(string teamId);
}
