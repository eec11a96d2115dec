namespace NormBot.Norms.Nudges;

/// <summary>Action ids of the buttons on NormBot's nudges; values carry "channel|ts[|extra]".</summary>
public static class NudgeActions
{
    public const string PostInChannel = "misroute_post";
    public const string NotUrgent = "misroute_dismiss";
    public const string ReplyNow = "ask_reply_now";
    public const string MarkAnswered = "ask_answered";
    public const string Snooze = "ask_snooze";
    public const string NotForMe = "ask_not_for_me";

    public static readonly IReadOnlyCollection<string> All = [PostInChannel, NotUrgent, ReplyNow, MarkAnswered, Snooze, NotForMe];

    public static string Value(params string[] parts) => string.Join('|', parts);

    public static string[] Parts(string? value) => (value ?? "").Split('|');
}
