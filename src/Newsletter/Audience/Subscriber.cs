// A person on the list, as stored.
namespace Newsletter.Audience;

/// <summary>A subscriber row.</summary>
/// <param name="Id">Database id; appears (signed) in personal links.</param>
/// <param name="Email">Address as stored: domain in punycode (RFC 5890), compared case-insensitively.</param>
/// <param name="Name">Display name, may be null.</param>
/// <param name="Fields">Custom merge fields from imports, read by templates as <c>subscriber.fields.x</c> and <c>subscriber.x</c>.</param>
/// <param name="Status">Lifecycle status; only <see cref="SubscriberStatus.Active"/> subscribers are mailed.</param>
public sealed record Subscriber(long Id, string Email, string? Name, IReadOnlyDictionary<string, string> Fields, SubscriberStatus Status)
{
    /// <summary>The <c>first_name</c> column of an import, as stored; null when the list gave none.</summary>
    public string? GivenName { get; init; }

    /// <summary>The <c>last_name</c> column of an import, as stored; null when the list gave none.</summary>
    public string? FamilyName { get; init; }

    /// <summary>
    /// The name to greet with (<c>subscriber.first_name</c>): <see cref="GivenName"/>, else the given name in
    /// <see cref="Name"/> written in either order (see <see cref="PersonName"/>), else null.
    /// </summary>
    public string? FirstName => GivenName ?? PersonName.First(Name);

    /// <summary><c>subscriber.last_name</c>: <see cref="FamilyName"/>, else the family name in <see cref="Name"/>, else null.</summary>
    public string? LastName => FamilyName ?? PersonName.Last(Name);

    /// <summary>Tags, lower-case as first written, sorted; segments select by them (<c>tag:rust</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Where the subscriber came from, e.g. <c>cli</c>, <c>import:list.csv</c>, <c>signup</c>.</summary>
    public string? Source { get; init; }

    /// <summary>When the row was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the subscriber became active: confirmed by link, added or imported as active (UTC).</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>When <see cref="Status"/> last changed (UTC).</summary>
    public DateTimeOffset? StatusChangedAt { get; init; }
}

/// <summary>Where a subscriber stands; stored as lower-case text.</summary>
public enum SubscriberStatus
{
    /// <summary>Signed up, awaiting confirmation (double opt-in); not mailed.</summary>
    Pending,
    /// <summary>Receives issues.</summary>
    Active,
    /// <summary>Opted out; suppressed from every send.</summary>
    Unsubscribed,
    /// <summary>Hard bounce; suppressed.</summary>
    Bounced,
    /// <summary>Marked the mail as spam; suppressed.</summary>
    Complained,
}

/// <summary>Which statuses keep an address from ever being mailed again.</summary>
public static class Suppressed
{
    /// <summary>True for unsubscribed, bounced and complained: the address is suppressed.</summary>
    public static bool IsSuppressed(this SubscriberStatus status) =>
        status is SubscriberStatus.Unsubscribed or SubscriberStatus.Bounced or SubscriberStatus.Complained;
}

/// <summary>Text forms of <see cref="SubscriberStatus"/> as stored in the database.</summary>
public static class SubscriberStatusText
{
    /// <summary>The stored text, e.g. <c>active</c>.</summary>
    public static string ToText(this SubscriberStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Parses stored text.</summary>
    /// <exception cref="InvalidDataException">Unknown status text: the database holds what this program never writes.</exception>
    public static SubscriberStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new InvalidDataException($"the database holds an unknown subscriber status '{text}'");

    /// <summary>Reads a status name as a person writes it (<c>active</c>, <c>Bounced</c>: any case); false for anything else.</summary>
    public static bool TryParse(string text, out SubscriberStatus status)
    {
        // Not Enum.TryParse: it also takes numbers ("3") and lists ("active,bounced"), and only the names are statuses.
        var wanted = text.Trim().ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<SubscriberStatus>())
        {
            if (candidate.ToText() != wanted) continue;
            status = candidate;
            return true;
        }
        status = default;
        return false;
    }
}
