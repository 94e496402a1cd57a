// Records poll ratings and comments: one current vote per subscriber and issue, every click kept in the history.
using Newsletter.Storage;

namespace Newsletter.Polls;

/// <summary>A subscriber's current vote on an issue.</summary>
/// <param name="Rating">The rating value of the chosen option.</param>
/// <param name="Comment">The optional comment, as written (escape it when showing it).</param>
public sealed record CurrentVote(int Rating, string? Comment);

/// <summary>A comment left with a vote, for reports.</summary>
/// <param name="Rating">The rating it came with.</param>
/// <param name="Text">The comment as written (escape it when showing it).</param>
/// <param name="At">When it was saved (UTC).</param>
/// <param name="Email">The subscriber's address: personal data, shown only when asked for.</param>
public sealed record VoteComment(int Rating, string Text, DateTimeOffset At, string Email);

/// <summary>
/// Vote persistence. A later click replaces the current rating; <c>vote_history</c> keeps them all. The web
/// endpoints write through <see cref="VoteWriter"/> (group commit); <see cref="Record"/> is the one-off form.
/// </summary>
public sealed class VoteStore(Database database, TimeProvider clock)
{
    /// <summary>Longest comment kept, in UTF-16 code units.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>Records <paramref name="rating"/> for the subscriber's vote on the issue, in one transaction.</summary>
    /// <returns>False when the issue or subscriber does not exist; nothing is written then.</returns>
    public bool Record(long issueId, long subscriberId, int rating)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        var now = StoredTime.ToText(clock.GetUtcNow());
        foreach (var statement in new[] { "upsert", "history" })
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = command.Connection!.Sql("votes", statement);
            command.Bind("@issue", issueId);
            command.Bind("@subscriber", subscriberId);
            command.Bind("@rating", rating);
            command.Bind("@now", now);
            using var reader = command.ExecuteReader();
            if (statement == "upsert" && !reader.Read()) return false;
        }
        transaction.Commit();
        return true;
    }

    /// <summary>The subscriber's current vote on the issue, or null.</summary>
    public CurrentVote? Find(long issueId, long subscriberId)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("votes", "current");
        command.Bind("@issue", issueId);
        command.Bind("@subscriber", subscriberId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new CurrentVote(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    /// <summary>Stores (or clears, when blank) the comment on the subscriber's current vote.</summary>
    /// <returns>False when the subscriber has not voted on the issue: a comment belongs to a vote.</returns>
    /// <exception cref="ArgumentException">The comment is longer than <see cref="MaxCommentLength"/>.</exception>
    public bool SaveComment(long issueId, long subscriberId, string? comment)
    {
        var text = comment?.Trim();
        if (text is { Length: > MaxCommentLength })
            throw new ArgumentException($"a comment holds at most {MaxCommentLength} characters", nameof(comment));
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("votes", "comment");
        command.Bind("@issue", issueId);
        command.Bind("@subscriber", subscriberId);
        command.Bind("@comment", string.IsNullOrEmpty(text) ? DBNull.Value : text);
        command.Bind("@now", StoredTime.ToText(clock.GetUtcNow()));
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>The comments left on an issue, oldest first.</summary>
    public IReadOnlyList<VoteComment> Comments(long issueId)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("votes", "comments");
        command.Bind("@issue", issueId);
        using var reader = command.ExecuteReader();
        var comments = new List<VoteComment>();
        while (reader.Read())
            comments.Add(new VoteComment(reader.GetInt32(0), reader.GetString(1), StoredTime.Parse(reader.GetString(2)), reader.GetString(3)));
        return comments;
    }

    /// <summary>Current votes of an issue: rating → number of subscribers.</summary>
    public IReadOnlyDictionary<int, int> Tally(long issueId)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("votes", "tally");
        command.Bind("@issue", issueId);
        using var reader = command.ExecuteReader();
        var tally = new Dictionary<int, int>();
        while (reader.Read()) tally[reader.GetInt32(0)] = reader.GetInt32(1);
        return tally;
    }

    /// <summary>Deliveries of the issue the transport accepted: sent, including those a bounce report later marked <c>bounced</c>.</summary>
    public int Delivered(long issueId)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("votes", "delivered");
        command.Bind("@issue", issueId);
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
