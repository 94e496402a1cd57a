// Builds the links in an email: signed personal ones (poll, unsubscribe) and public ones (archive).
namespace Newsletter.Signing;

/// <summary>
/// URLs under the public base URL served by <c>newsletter serve</c>: <c>/poll/TOKEN</c> (a rating),
/// <c>/unsubscribe/TOKEN</c> (RFC 8058 one-click target and footer link) and <c>/issues/SLUG</c> (web archive).
/// </summary>
public sealed class PersonalLinks(string baseUrl, LinkToken tokens)
{
    /// <summary>Path prefix of vote links.</summary>
    public const string VotePath = "/poll/";

    /// <summary>Path prefix of unsubscribe links.</summary>
    public const string UnsubscribePath = "/unsubscribe/";

    /// <summary>Path prefix of archive pages.</summary>
    public const string ArchivePath = "/issues/";

    /// <summary>
    /// The subscriber id the links of a test send carry (<c>send --test</c>). No subscriber has it (SQLite ids start
    /// at 1), so <c>serve</c> answers such a link with a page that says it was a test and records nothing.
    /// </summary>
    public const long TestSubscriberId = 0;

    /// <summary>The base URL, without trailing slash.</summary>
    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    /// <summary>The link that records <paramref name="rating"/> for this subscriber and issue.</summary>
    public string Vote(long issueId, long subscriberId, int rating) =>
        BaseUrl + VotePath + tokens.Create(LinkPurpose.Vote, issueId, subscriberId, rating);

    /// <summary>The link that unsubscribes this subscriber (the issue tells where they left from).</summary>
    public string Unsubscribe(long issueId, long subscriberId) =>
        BaseUrl + UnsubscribePath + tokens.Create(LinkPurpose.Unsubscribe, issueId, subscriberId);

    /// <summary>The public web page of the issue, shared by everyone.</summary>
    public string Archive(string slug) => BaseUrl + ArchivePath + Uri.EscapeDataString(slug);
}
