// Finds the issues the public may read: recorded as sending or sent, with their file still in the issues folder.
using System.Collections.Concurrent;
using Newsletter.Authoring;
using Newsletter.Delivery;

namespace Newsletter.Web.Archive;

/// <summary>A published issue: its database record and its parsed file.</summary>
/// <param name="Record">The row of the <c>issues</c> table.</param>
/// <param name="Issue">The issue file as parsed now.</param>
public sealed record PublishedIssue(IssueRecord Record, Issue Issue);

/// <summary>
/// Lists and finds published issues, newest first. Drafts and issues whose file is gone or broken are left out.
/// A file is parsed again only when its modification time or length changes, so the index and <c>/feed.xml</c> read
/// the folder's metadata on each request rather than parse every issue. Thread-safe.
/// </summary>
/// <param name="issues">The recorded issues.</param>
/// <param name="issuesFolder">The folder of the issue files (the <c>issues</c> setting), where <c>SLUG.md</c> is looked for.</param>
public sealed class PublishedIssues(IssueStore issues, string issuesFolder)
{
    private readonly ConcurrentDictionary<string, (DateTime Modified, long Length, Issue Issue)> _parsed = new(StringComparer.Ordinal);

    /// <summary>Every published issue, newest first (by date, then slug).</summary>
    public IReadOnlyList<PublishedIssue> List() =>
        issues.List().Select(Load).OfType<PublishedIssue>()
            .OrderByDescending(p => p.Issue.Date).ThenByDescending(p => p.Record.Slug, StringComparer.Ordinal).ToList();

    /// <summary>The published issue <paramref name="slug"/>, or null.</summary>
    public PublishedIssue? Find(string slug) =>
        issues.FindBySlug(slug) is { } record ? Load(record) : null;

    private PublishedIssue? Load(IssueRecord record)
    {
        if (record.Status == "draft") return null;
        var file = new FileInfo(Path.Combine(issuesFolder, record.Slug + ".md"));
        if (!file.Exists) return null;
        if (_parsed.TryGetValue(file.FullName, out var cached) && cached.Modified == file.LastWriteTimeUtc && cached.Length == file.Length)
            return new PublishedIssue(record, cached.Issue);
        try
        {
            var issue = IssueParser.Load(file.FullName);
            _parsed[file.FullName] = (file.LastWriteTimeUtc, file.Length, issue);
            return new PublishedIssue(record, issue);
        }
        catch (IssueFormatException)
        {
            return null; // An issue edited into a broken state after sending is not shown rather than failing the index.
        }
    }
}
