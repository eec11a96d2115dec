using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NormBot.Slack.Events;

/// <summary>
/// Converters that read Slack fields the way Slack's SDKs do (PRODUCT §12): a string field that arrives as a number
/// keeps its text, a flag that arrives as "true" or 1 still counts, and a field of an unexpected shape reads as
/// missing instead of failing the whole event.
/// </summary>
public static class LenientJson
{
    public sealed class Text : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    return reader.HasValueSequence ? System.Text.EncodingExtensions.GetString(Encoding, reader.ValueSequence) : Encoding.GetString(reader.ValueSpan);
                case JsonTokenType.True or JsonTokenType.False:
                    return reader.GetBoolean() ? "true" : "false";
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }
    }

    public sealed class Flag : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => FlagOf(ref reader);

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteBooleanValue(value);
        }
    }

    /// <summary>Seconds since the epoch from a number or a string such as Slack's <c>"1640027021.1234"</c>; null when neither.</summary>
    public static DateTimeOffset? Instant(JsonElement element)
    {
        var seconds = element.ValueKind switch
        {
            JsonValueKind.Number when element.TryGetDouble(out var n) => n,
            JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            _ => double.NaN,
        };
        return double.IsFinite(seconds) && seconds is >= 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)) : null;
    }

    /// <summary>A string property, or null when it is missing or not a string.</summary>
    public static string? TextOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool FlagOf(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.String:
                return reader.GetString() is "true" or "1";
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var n) && n != 0;
            default:
                reader.Skip();
                return false;
        }
    }

    private static readonly System.Text.UTF8Encoding Encoding = new(false);
}
