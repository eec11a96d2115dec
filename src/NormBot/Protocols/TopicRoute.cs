namespace NormBot.Protocols;

/// <summary>Messages matching <paramref name="Keywords"/> belong in <paramref name="Channel"/> (PRODUCT §4, topic routes).</summary>
public sealed record TopicRoute(string Topic, SlackRef Channel, IReadOnlyList<string> Keywords);
