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
public sealed record IssueRecord(long Id, string Slug, string Title, string Subject, PollDefinition? Poll, string Status);
