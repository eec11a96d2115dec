using System.Text.Json.Nodes;

namespace NormBot.SlackEmulator;

/// <summary>Mutable conversation state; only touched under the workspace lock.</summary>
internal sealed class ChannelState(string id, string name, bool isIm, string? dmUserId, long created)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public bool IsIm { get; } = isIm;

    // Slack ids tell the kind apart: G... is a private channel (legacy group), C... public, D... a DM.
    public bool IsPrivate { get; } = isIm || id.StartsWith('G');

    public string? DmUserId { get; } = dmUserId;

    public long Created { get; } = created;

    public List<string> Members { get; } = [];

    /// <summary>Slack Connect: shared with another organisation (<c>is_ext_shared</c>).</summary>
    public bool IsExtShared { get; set; }

    /// <summary>Every message incl. thread replies, oldest first (ts are issued monotonically).</summary>
    public List<JsonObject> Messages { get; } = [];

    public JsonObject? FindMessage(string ts) => Messages.Find(m => (string?)m["ts"] == ts);

    public EmulatedChannel Snapshot() => new(Id, Name, IsPrivate, IsIm, DmUserId, Created, [.. Members]);
}
