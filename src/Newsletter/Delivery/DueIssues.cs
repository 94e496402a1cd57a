// Finds the issues `send --due` should send now.
using Newsletter.Authoring;

namespace Newsletter.Delivery;

/// <summary>Scans the issues folder for issues whose <c>send_at</c> has passed and that are not completely sent.</summary>
public static class DueIssues
{
    /// <summary>The due issues, oldest <c>send_at</c> first; malformed files are returned in <paramref name="problems"/> and skipped.</summary>
    public static IReadOnlyList<Issue> Find(string issuesFolder, IssueStore store, DateTimeOffset now, out IReadOnlyList<NewsletterException> problems)
    {
        var found = new List<Issue>();
        var errors = new List<NewsletterException>();
        if (Directory.Exists(issuesFolder))
        {
            foreach (var file in Directory.EnumerateFiles(issuesFolder, "*.md").Order(StringComparer.Ordinal))
            {
                try
                {
                    var issue = IssueParser.Load(file);
                    if (issue.SendAt is { } at && at <= now && store.FindBySlug(issue.Slug)?.Status != "sent") found.Add(issue);
                }
                catch (NewsletterException e)
                {
                    errors.Add(e);
                }
            }
        }
        problems = errors;
        return found.OrderBy(i => i.SendAt).ToList();
    }
}
