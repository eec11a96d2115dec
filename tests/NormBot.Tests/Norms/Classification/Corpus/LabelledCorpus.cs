using System.Security.Cryptography;
using System.Text;
using NormBot.Tests.TestSupport;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NormBot.Tests.Norms.Classification.Corpus;

/// <summary>
/// The hand-labelled corpus in <c>messages.yaml</c> and its one fixed split: SHA-256 of the UTF-8 text, first byte
/// even = development (the rules may be tuned on it), odd = held out (only ever reported in aggregate).
/// </summary>
public static class LabelledCorpus
{
    public const string DefaultAuthor = "U0ME";
    public const string Bot = "U0NORMBOT";
    public const string Anyone = "anyone";

    private static readonly Lazy<IReadOnlyList<LabelledMessage>> All = new(Load);

    public static IReadOnlyList<LabelledMessage> Messages => All.Value;

    public static IEnumerable<LabelledMessage> Part(CorpusPart part) => Messages.Where(m => m.Part == part);

    public static CorpusPart PartOf(string text) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(text))[0] % 2 == 0 ? CorpusPart.Development : CorpusPart.HeldOut;

    private static List<LabelledMessage> Load()
    {
        var path = Repository.Path("tests", "NormBot.Tests", "Norms", "Classification", "Corpus", "messages.yaml");
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var file = deserializer.Deserialize<CorpusFile>(File.ReadAllText(path));
        return [.. file.Messages.Select(ToMessage)];
    }

    private static LabelledMessage ToMessage(RawMessage raw)
    {
        bool Flag(string? value, string name) => value switch
        {
            null or "no" => false,
            "yes" => true,
            _ => throw new FormatException($"\"{raw.Text}\": {name} must be yes or no, not {value}"),
        };

        var context = raw.Context switch
        {
            "nudge" => true,
            "ok" => false,
            _ => throw new FormatException($"\"{raw.Text}\": context must be nudge or ok"),
        };
        var ask = (raw.Ask ?? throw new FormatException($"\"{raw.Text}\": ask is missing")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        IReadOnlySet<string>? asked = ask is ["none"] ? null : ask.ToHashSet(StringComparer.Ordinal);
        return new LabelledMessage(
            raw.Text ?? throw new FormatException("a message without text"),
            Flag(raw.Thread, "thread"),
            Flag(raw.Files, "files"),
            raw.By ?? DefaultAuthor,
            context,
            asked,
            Flag(raw.Urgent ?? throw new FormatException($"\"{raw.Text}\": urgent is missing"), "urgent"));
    }

    private sealed class CorpusFile
    {
        public List<RawMessage> Messages { get; set; } = [];
    }

    private sealed class RawMessage
    {
        public string? Text { get; set; }

        public string? Context { get; set; }

        public string? Ask { get; set; }

        public string? Urgent { get; set; }

        public string? Thread { get; set; }

        public string? Files { get; set; }

        public string? By { get; set; }
    }
}

public enum CorpusPart
{
    Development,
    HeldOut,
}

/// <summary>One labelled message; <see cref="Asked"/> is null when it is not an ask, else user/group ids or "anyone".</summary>
public sealed record LabelledMessage(string Text, bool InThread, bool HasFiles, string Author, bool NeedsContext, IReadOnlySet<string>? Asked, bool Urgent)
{
    public CorpusPart Part => LabelledCorpus.PartOf(Text);

    public bool IsTopLevel => !InThread;

    public override string ToString() => Text;
}
