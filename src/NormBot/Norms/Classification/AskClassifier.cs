namespace NormBot.Norms.Classification;

/// <summary>Recognises asks (PRODUCT §13) and who they are addressed to, from the text alone.</summary>
public static class AskClassifier
{
    public static AskVerdict Classify(string text, string authorId, string? botUserId, bool isTopLevel, bool hasFiles = false, int minWords = 6)
    {
        text ??= string.Empty;
        var mentioned = MessageText.UserMentions(text).Where(u => u != authorId && u != botUserId).Distinct().ToList();
        var groups = MessageText.UserGroupMentions(text).Distinct().ToList();

        // In a thread only an explicit mention makes a new ask: a question there is usually part of the conversation.
        var isAsk = mentioned.Count > 0 || groups.Count > 0 || (isTopLevel && ContextClassifier.IsQuestion(text));

        // "hi @bob" is a greeting, not an ask: the ask is the message that follows it (rule 1 handles the greeting).
        var gap = ContextClassifier.Classify(text, minWords, hasFiles).Gap;
        if (!isAsk || gap is ContextGap.BareGreeting or ContextGap.BarePing)
        {
            return AskVerdict.NotAnAsk("no mention and no question");
        }

        return new AskVerdict(true, mentioned, groups, mentioned.Count == 0, "a mention or a question");
    }
}
