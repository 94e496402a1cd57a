// `subscribers show EMAIL --format json`: everything stored about one person (GDPR Art. 15).
using System.Text.Json;
using Newsletter.Storage;

namespace Newsletter.Audience.Suppression;

/// <summary>Writes one subscriber's data as a JSON object: the row, tags, fields, every delivery, vote, bounce, complaint and unsubscribe.</summary>
public sealed class PersonalData(Database database)
{
    /// <summary>Writes <paramref name="subscriber"/>'s data to <paramref name="writer"/> (RFC 8259 JSON, times in ISO 8601 UTC).</summary>
    public void Write(Subscriber subscriber, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        SubscriberJson.WriteProperties(subscriber, writer);
        using var connection = database.Connect();
        writer.WriteStartArray("deliveries");
        foreach (var row in Rows(connection, "deliveries-of", subscriber.Id))
        {
            writer.WriteStartObject();
            writer.WriteString("issue", row[0]);
            writer.WriteString("status", row[1]);
            writer.WriteString("sent_at", row[2]);
            writer.WriteString("last_reply", row[3]);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("votes");
        foreach (var row in Rows(connection, "votes-of", subscriber.Id))
        {
            writer.WriteStartObject();
            writer.WriteString("issue", row[0]);
            writer.WriteNumber("rating", int.Parse(row[1]!, System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("voted_at", row[2]);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("bounces");
        using (var command = connection.CreateCommand())
        {
            command.CommandText = command.Connection!.Sql("subscribers", "bounces-of");
            command.Bind("@id", subscriber.Id);
            using var reader = command.ExecuteReader();
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            while (reader.Read())
            {
                writer.WriteStartObject();
                writer.WriteString("kind", reader.GetString(0));
                writer.WriteString("issue", Text(1));
                writer.WriteString("status_code", Text(2));
                writer.WriteString("diagnostic", Text(3));
                writer.WriteString("recipient", Text(4));
                writer.WriteString("received_at", reader.GetString(5));
                writer.WriteEndObject();
            }
        }
        writer.WriteEndArray();
        writer.WriteStartArray("unsubscribes");
        foreach (var row in Rows(connection, "unsubscribes-of", subscriber.Id))
        {
            writer.WriteStartObject();
            writer.WriteString("issue", row[0]);
            writer.WriteString("source", row[1]);
            writer.WriteString("unsubscribed_at", row[2]);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static List<string?[]> Rows(System.Data.Common.DbConnection connection, string statement, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", statement);
        command.Bind("@id", id);
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null
                : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))]);
        return rows;
    }
}
