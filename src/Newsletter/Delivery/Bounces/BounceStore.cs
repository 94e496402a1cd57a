// Reads recorded bounces for reports: counts per issue and every bounce of one subscriber.
using System.Text.Json.Serialization;
using Newsletter.Storage;

namespace Newsletter.Delivery.Bounces;

/// <summary>One recorded bounce or complaint, as <c>subscribers show</c> lists it.</summary>
/// <param name="Kind">Hard, soft or complaint.</param>
/// <param name="StatusCode">RFC 3463 code, or null.</param>
/// <param name="Diagnostic">The reason given, or null.</param>
/// <param name="Recipient">The address the report named, or null.</param>
/// <param name="Issue">Slug of the issue it is about, or null.</param>
/// <param name="ReceivedAt">When it was recorded (UTC ISO 8601 text as stored).</param>
public sealed record RecordedBounce(BounceKind Kind, string? StatusCode, string? Diagnostic, string? Recipient, string? Issue, string ReceivedAt);

/// <summary>Bounces and complaints recorded for one issue.</summary>
/// <param name="Hard">Hard bounces.</param>
/// <param name="Soft">Soft bounces (each report, so one delivery may count more than once).</param>
/// <param name="Complaints">Complaints.</param>
public sealed record BounceCounts(
    [property: JsonPropertyName("hard")] int Hard,
    [property: JsonPropertyName("soft")] int Soft,
    [property: JsonPropertyName("complaints")] int Complaints)
{
    /// <summary>True when nothing was recorded.</summary>
    [JsonIgnore]
    public bool IsEmpty => Hard == 0 && Soft == 0 && Complaints == 0;
}

/// <summary>Queries over the <c>bounces</c> table.</summary>
public sealed class BounceStore(Database database)
{
    /// <summary>Hard bounces, soft bounces and complaints recorded for an issue (reports).</summary>
    public BounceCounts Counts(long issueId) => CountsBy("counts-by-issue", issueId);

    /// <summary>
    /// Subscribers of the issue who drew a hard bounce, a soft bounce or a complaint, each counted once per kind (for
    /// rates of people delivered to); reports matched to no subscriber are left out.
    /// </summary>
    public BounceCounts PeopleCounts(long issueId) => CountsBy("people-by-issue", issueId);

    private BounceCounts CountsBy(string statement, long issueId)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("bounces", statement);
        command.Bind("@issue", issueId);
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<BounceKind, int>();
        while (reader.Read()) counts[BounceKindText.Parse(reader.GetString(0))] = reader.GetInt32(1);
        return new BounceCounts(counts.GetValueOrDefault(BounceKind.HardBounce), counts.GetValueOrDefault(BounceKind.SoftBounce),
            counts.GetValueOrDefault(BounceKind.Complaint));
    }

    /// <summary>Every bounce and complaint recorded for a subscriber, oldest first.</summary>
    public IReadOnlyList<RecordedBounce> OfSubscriber(long subscriberId)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("bounces", "of-subscriber");
        command.Bind("@id", subscriberId);
        using var reader = command.ExecuteReader();
        var rows = new List<RecordedBounce>();
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (reader.Read())
            rows.Add(new RecordedBounce(BounceKindText.Parse(reader.GetString(0)), Text(1), Text(2), Text(3), Text(4), reader.GetString(5)));
        return rows;
    }
}
