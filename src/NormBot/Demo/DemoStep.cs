namespace NormBot.Demo;

/// <summary>One thing that happens at <see cref="At"/>: a message, a reaction, a button press, a /norms command or a narrator's note.</summary>
public sealed class DemoStep
{
    public string At { get; set; } = "09:00";

    public string? Who { get; set; }

    /// <summary>Channel name; defaults to general.</summary>
    public string? In { get; set; }

    public string? Say { get; set; }

    /// <summary>A name for this message so later steps can reply to it, react to it or press buttons about it.</summary>
    public string? Id { get; set; }

    public string? ReplyTo { get; set; }

    public string? React { get; set; }

    public string? On { get; set; }

    /// <summary>The label of a button on the latest NormBot message this person received, e.g. "Post it in #incidents".</summary>
    public string? Press { get; set; }

    /// <summary>A slash command line, e.g. <c>/norms set urgent-channel #incidents</c>.</summary>
    public string? Command { get; set; }

    public string? Note { get; set; }
}
