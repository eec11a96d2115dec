using System.Text.Json;

namespace NormBot.Slack.Inbox;

/// <summary>Finds the channel of an event body cheaply, for ordering; the full parse happens in the handler.</summary>
public static class ChannelKey
{
    public static string Of(ReadOnlySpan<byte> eventCallbackBody)
    {
        var reader = new Utf8JsonReader(eventCallbackBody);
        var depth = 0;
        var inEvent = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    depth++;
                    break;
                case JsonTokenType.EndObject:
                    depth--;
                    break;
                case JsonTokenType.PropertyName when depth == 1:
                    inEvent = reader.ValueTextEquals("event"u8);
                    break;
                case JsonTokenType.PropertyName when depth == 2 && inEvent && reader.ValueTextEquals("channel"u8):
                    reader.Read();
                    return reader.TokenType == JsonTokenType.String ? reader.GetString()! : "";
            }
        }

        return "";
    }
}
