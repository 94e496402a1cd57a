// Builds the values a template sees for one subscriber, sharing everything that is the same for all.
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Signing;

namespace Newsletter.Rendering;

/// <summary>
/// The template model. Top-level names: <c>issue</c> (title, subject, preheader, date, html, text, slug, url, image: the
/// body's first absolute image URL or empty, meta),
/// <c>subscriber</c> (email, name, first_name, last_name, fields, and each custom field by name), <c>poll</c> (question,
/// options with label, emoji, value, url; nil when the issue has no poll), <c>unsubscribe_url</c>,
/// <c>view_online_url</c>, <c>share_url</c>, <c>newsletter</c> (name, postal_address, url, language, design; see
/// <see cref="NewsletterInfo"/>) and
/// <c>archive</c> (true on the public web page, where there is no subscriber and no personal link).
/// </summary>
public sealed class EmailModel
{
    private readonly Dictionary<string, object?> _issue;
    private readonly Dictionary<string, object?> _newsletter;
    private readonly Issue _source;
    private readonly long _issueId;
    private readonly PersonalLinks _links;
    private readonly IReadOnlyCollection<string> _knownFields;

    /// <summary>Creates the shared part of the model for an issue.</summary>
    /// <param name="issue">The parsed issue.</param>
    /// <param name="issueId">Its database id (0 when not recorded yet: links then carry 0).</param>
    /// <param name="bodyHtml">The body as HTML.</param>
    /// <param name="bodyText">The body as plain text.</param>
    /// <param name="newsletter">Newsletter-wide values.</param>
    /// <param name="links">Link builder.</param>
    /// <param name="knownFields">Every custom field name the list knows, so a subscriber without one reads it as nil rather than undefined.</param>
    public EmailModel(Issue issue, long issueId, string bodyHtml, string bodyText, NewsletterInfo newsletter, PersonalLinks links,
        IReadOnlyCollection<string> knownFields)
    {
        _source = issue;
        _issueId = issueId;
        _links = links;
        _knownFields = knownFields;
        _issue = new Dictionary<string, object?>
        {
            ["title"] = issue.Title,
            ["subject"] = issue.Subject,
            ["preheader"] = issue.Preheader,
            ["date"] = issue.Date?.ToString("yyyy-MM-dd"),
            ["html"] = bodyHtml,
            ["text"] = bodyText,
            ["slug"] = issue.Slug,
            ["url"] = links.Archive(issue.Slug),
            ["image"] = BodyImages.First(bodyHtml),
            ["meta"] = issue.Meta.ToDictionary(kv => kv.Key, kv => (object?)kv.Value),
        };
        _newsletter = newsletter.ToTemplateValues();
    }

    // Shares the issue-wide values: only the personal links depend on the id.
    private EmailModel(EmailModel shared, long issueId)
    {
        _source = shared._source;
        _issueId = issueId;
        _links = shared._links;
        _knownFields = shared._knownFields;
        _issue = shared._issue;
        _newsletter = shared._newsletter;
    }

    /// <summary>This model with personal links signed for the database id <paramref name="issueId"/>.</summary>
    public EmailModel WithIssueId(long issueId) => issueId == _issueId ? this : new EmailModel(this, issueId);

    /// <summary>The newsletter-wide values alone (<c>newsletter</c>), which is all the stylesheet may use.</summary>
    public Dictionary<string, object?> ForStylesheet() => new() { ["newsletter"] = _newsletter };

    /// <summary>The model for an anonymous web reader: empty subscriber fields, no poll and no personal links.</summary>
    public Dictionary<string, object?> ForArchive()
    {
        var fields = _knownFields.ToDictionary(n => n, _ => (object?)null, StringComparer.Ordinal);
        var subscriber = new Dictionary<string, object?>(fields, StringComparer.Ordinal)
        {
            ["email"] = "", ["name"] = "", ["first_name"] = "", ["last_name"] = "", ["fields"] = fields,
        };
        return new()
        {
            ["issue"] = _issue,
            ["newsletter"] = _newsletter,
            ["subscriber"] = subscriber,
            ["poll"] = null,
            ["unsubscribe_url"] = "",
            ["view_online_url"] = _issue["url"],
            ["share_url"] = _issue["url"],
            ["archive"] = true,
        };
    }

    /// <summary>
    /// Sets <c>issue.subject</c> of <paramref name="model"/> (made by <see cref="For"/> or <see cref="ForArchive"/>) to the
    /// subject as rendered for that reader, so a layout's <c>&lt;title&gt;</c> shows it rather than its merge fields.
    /// The issue values shared by every reader are copied, not changed.
    /// </summary>
    public static void UseSubject(Dictionary<string, object?> model, string subject) =>
        model["issue"] = new Dictionary<string, object?>((Dictionary<string, object?>)model["issue"]!) { ["subject"] = subject };

    /// <summary>The model for one subscriber; personal links are signed for them.</summary>
    public Dictionary<string, object?> For(Subscriber subscriber) => new()
    {
        ["archive"] = false,
        ["issue"] = _issue,
        ["newsletter"] = _newsletter,
        ["subscriber"] = SubscriberValues(subscriber),
        ["poll"] = PollValues(subscriber.Id),
        ["unsubscribe_url"] = _links.Unsubscribe(_issueId, subscriber.Id),
        ["view_online_url"] = _issue["url"],
        ["share_url"] = _issue["url"],
    };

    private Dictionary<string, object?> SubscriberValues(Subscriber subscriber)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        // A field the list knows but this subscriber lacks is defined and nil, so `default:` and `{% if %}` apply.
        foreach (var name in _knownFields) fields[name] = null;
        foreach (var (name, value) in subscriber.Fields) fields[name] = value;
        var values = new Dictionary<string, object?>(fields, StringComparer.Ordinal);
        values["email"] = subscriber.Email;
        values["name"] = subscriber.Name ?? "";
        values["first_name"] = subscriber.FirstName ?? "";
        values["last_name"] = subscriber.LastName ?? "";
        values["fields"] = fields;
        return values;
    }

    private Dictionary<string, object?>? PollValues(long subscriberId) => _source.Poll is not { } poll ? null : new()
    {
        ["question"] = poll.Question,
        ["options"] = poll.Options.Select(o => new Dictionary<string, object?>
        {
            ["label"] = o.Label,
            ["emoji"] = o.Emoji,
            ["value"] = o.Value,
            ["url"] = _links.Vote(_issueId, subscriberId, o.Value),
        }).ToList(),
    };
}
