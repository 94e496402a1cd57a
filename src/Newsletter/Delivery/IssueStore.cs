// Records issues in the database so deliveries, votes and reports can refer to them.
using System.Text.Json;
using System.Data.Common;
using Newsletter.Authoring;
using Newsletter.Storage;

namespace Newsletter.Delivery;

/// <summary>Persistence of <see cref="IssueRecord"/>s, keyed by slug.</summary>
public sealed class IssueStore(Database database, TimeProvider clock)
{
    /// <summary>Inserts the issue or refreshes its title, subject, schedule, poll and welcome flag; returns the stored record.</summary>
    public IssueRecord Register(Issue issue)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("issues", "upsert");
        command.Bind("@slug", issue.Slug);
        command.Bind("@title", issue.Title);
        command.Bind("@subject", issue.Subject);
        command.Bind("@send_at", issue.SendAt is { } at ? StoredTime.ToText(at) : DBNull.Value);
        command.Bind("@poll", issue.Poll is null ? DBNull.Value : JsonSerializer.Serialize(issue.Poll));
        command.Bind("@welcome", issue.Welcome ? 1 : 0);
        command.Bind("@now", StoredTime.ToText(clock.GetUtcNow()));
        command.ExecuteNonQuery();
        return FindBySlug(issue.Slug)!;
    }

    /// <summary>The issue with this id, or null.</summary>
    public IssueRecord? FindById(long id) => Single("by-id", "@id", id);

    /// <summary>The issue with this slug, or null.</summary>
    public IssueRecord? FindBySlug(string slug) => Single("by-slug", "@slug", slug);

    /// <summary>Every recorded issue, by slug (and so by date).</summary>
    public IReadOnlyList<IssueRecord> List()
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("issues", "list");
        using var reader = command.ExecuteReader();
        var list = new List<IssueRecord>();
        while (reader.Read()) list.Add(Read(reader));
        return list;
    }

    /// <summary>Sets the time <c>send --due</c> sends the issue, overriding the file's <c>send_at</c>.</summary>
    public void Schedule(long id, DateTimeOffset at) => Execute("schedule", id, ("@at", StoredTime.ToText(at)));

    /// <summary>Pauses the issue's send with a reason <c>newsletter status</c> shows; a running send stops after its messages in flight.</summary>
    public void Pause(long id, string reason) => Execute("pause", id, ("@reason", reason));

    /// <summary>Clears a pause.</summary>
    public void Resume(long id) => Execute("resume", id);

    /// <summary>Cancels the issue's send for good; a running send stops after its messages in flight.</summary>
    public void Cancel(long id) => Execute("cancel", id);

    /// <summary>Marks the issue as being sent (first time only).</summary>
    public void MarkStarted(long id) => Execute("mark-started", id);

    /// <summary>Marks the issue as completely sent.</summary>
    public void MarkFinished(long id) => Execute("mark-finished", id);

    private void Execute(string statement, long id, params (string Name, object Value)[] extra)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("issues", statement);
        command.Bind("@id", id);
        command.Bind("@now", StoredTime.ToText(clock.GetUtcNow()));
        foreach (var (name, value) in extra) command.Bind(name, value);
        command.ExecuteNonQuery();
    }

    private IssueRecord? Single(string statement, string parameter, object value)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("issues", statement);
        command.Bind(parameter, value);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static IssueRecord Read(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        reader.IsDBNull(4) ? null : JsonSerializer.Deserialize<PollDefinition>(reader.GetString(4)),
        reader.GetString(5), Time(reader, 6), Time(reader, 7), reader.IsDBNull(8) ? null : reader.GetString(8), Time(reader, 9),
        reader.GetInt64(10) != 0);

    private static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : StoredTime.Parse(reader.GetString(ordinal));
}
