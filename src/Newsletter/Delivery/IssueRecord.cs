// An issue as the database knows it once a send has begun.
using Newsletter.Authoring;

namespace Newsletter.Delivery;

/// <summary>A row of the <c>issues</c> table.</summary>
/// <param name="Id">Database id; appears (signed) in personal links.</param>
/// <param name="Slug">File name stem, unique.</param>
/// <param name="Title">Title at the time of sending.</param>
/// <param name="Subject">Subject at the time of sending.</param>
/// <param name="Poll">The poll as sent, used to label ratings; null when the issue had none.</param>
/// <param name="Status"><c>draft</c>, <c>sending</c> or <c>sent</c>.</param>
/// <param name="SendAt">The file's <c>send_at</c>, or null.</param>
/// <param name="ScheduledAt">A time set by <c>newsletter schedule</c>; wins over <paramref name="SendAt"/>.</param>
/// <param name="PausedReason">Why the send is paused, or null when it is not.</param>
/// <param name="CancelledAt">When the send was cancelled, or null.</param>
/// <param name="Welcome">The welcome issue (front matter <c>welcome: true</c>), sent one subscriber at a time.</param>
public sealed record IssueRecord(long Id, string Slug, string Title, string Subject, PollDefinition? Poll, string Status,
    DateTimeOffset? SendAt = null, DateTimeOffset? ScheduledAt = null, string? PausedReason = null, DateTimeOffset? CancelledAt = null,
    bool Welcome = false)
{
    /// <summary>When <c>send --due</c> may send it: the explicit schedule, else the file's <c>send_at</c>.</summary>
    public DateTimeOffset? DueAt => ScheduledAt ?? SendAt;

    /// <summary>
    /// The state people see in <c>newsletter status</c>: <c>cancelled</c>, <c>paused</c>, <c>welcome</c> (sent to
    /// each subscriber as they join), <c>sent</c>, <c>sending</c>, <c>scheduled</c> (a due time is set) or <c>draft</c>.
    /// </summary>
    public string State => CancelledAt is not null ? "cancelled"
        : PausedReason is not null ? "paused"
        : Welcome ? "welcome"
        : Status is "sent" or "sending" ? Status
        : DueAt is not null ? "scheduled"
        : "draft";
}
