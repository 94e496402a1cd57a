// The JSON shape of a subscriber, shared by `export --format json` and `show`.
using System.Text.Json;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>Writes a subscriber's stored facts as JSON properties (RFC 8259; times ISO 8601 UTC, absent ones null).</summary>
public static class SubscriberJson
{
    /// <summary>
    /// Writes <c>email, name, first_name, last_name, status, source, created_at, confirmed_at, status_changed_at, tags,
    /// fields</c> into the open object; the name parts are the stored ones (null when the list gave none).
    /// </summary>
    public static void WriteProperties(Subscriber subscriber, Utf8JsonWriter writer)
    {
        writer.WriteString("email", subscriber.Email);
        writer.WriteString("name", subscriber.Name);
        writer.WriteString("first_name", subscriber.GivenName);
        writer.WriteString("last_name", subscriber.FamilyName);
        writer.WriteString("status", subscriber.Status.ToText());
        writer.WriteString("source", subscriber.Source);
        Time(writer, "created_at", subscriber.CreatedAt);
        Time(writer, "confirmed_at", subscriber.ConfirmedAt);
        Time(writer, "status_changed_at", subscriber.StatusChangedAt);
        writer.WriteStartArray("tags");
        foreach (var tag in subscriber.Tags) writer.WriteStringValue(tag);
        writer.WriteEndArray();
        writer.WriteStartObject("fields");
        foreach (var (key, value) in subscriber.Fields) writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } t) writer.WriteString(name, StoredTime.ToText(t));
        else writer.WriteNull(name);
    }
}
