// Per-issue figures: ratings, unsubscribes, bounces and complaints, as `newsletter stats` and the stats page report them.
using System.Text.Json.Serialization;
using Newsletter.Delivery.Bounces;

namespace Newsletter.Reporting;

/// <summary>The figures of one issue.</summary>
/// <param name="Slug">Issue slug.</param>
/// <param name="Title">Issue title.</param>
/// <param name="Delivered">Deliveries accepted by the transport (including those that bounced later); every rate is of this.</param>
/// <param name="Votes">Per option, in poll order: label, rating value and number of votes.</param>
/// <param name="Responses">Subscribers who voted.</param>
/// <param name="Average">Mean rating of the responses, rounded to 2 decimals; null when there are none.</param>
/// <param name="ResponseRate">Responses divided by deliveries (0–1, 4 decimals), null when nothing was delivered.</param>
/// <param name="Comments">Comments left with the votes, oldest first; the address only when asked for.</param>
public sealed record IssueStats(
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("delivered")] int Delivered,
    [property: JsonPropertyName("votes")] IReadOnlyList<OptionVotes> Votes,
    [property: JsonPropertyName("responses")] int Responses,
    [property: JsonPropertyName("average")] double? Average,
    [property: JsonPropertyName("response_rate")] double? ResponseRate,
    [property: JsonPropertyName("comments")] IReadOnlyList<CommentEntry> Comments)
{
    /// <summary>
    /// People who drew a hard bounce, a soft bounce or a complaint for the issue (reports that came back as mail, each
    /// person once per kind); null when not looked up.
    /// </summary>
    [JsonPropertyName("bounces"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BounceCounts? Bounces { get; init; }

    /// <summary>People who unsubscribed through a link in the issue's email (page button or one-click), each once.</summary>
    [JsonPropertyName("unsubscribes")]
    public int Unsubscribes { get; init; }

    /// <summary><see cref="Unsubscribes"/> divided by <see cref="Delivered"/> (0–1, 4 decimals); null when nothing was delivered.</summary>
    [JsonPropertyName("unsubscribe_rate")]
    public double? UnsubscribeRate => RateOf(Unsubscribes);

    /// <summary>Hard bounces divided by <see cref="Delivered"/>; null when nothing was delivered or bounces were not looked up.</summary>
    [JsonPropertyName("hard_bounce_rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? HardBounceRate => Bounces is { } b ? RateOf(b.Hard) : null;

    /// <summary>Soft bounces divided by <see cref="Delivered"/>; null when nothing was delivered or bounces were not looked up.</summary>
    [JsonPropertyName("soft_bounce_rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SoftBounceRate => Bounces is { } b ? RateOf(b.Soft) : null;

    /// <summary>Complaints divided by <see cref="Delivered"/>; null when nothing was delivered or bounces were not looked up.</summary>
    [JsonPropertyName("complaint_rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ComplaintRate => Bounces is { } b ? RateOf(b.Complaints) : null;

    private double? RateOf(int count) => Delivered == 0 ? null : Math.Round((double)count / Delivered, 4);
}

/// <summary>Votes for one poll option.</summary>
/// <param name="Label">Option label.</param>
/// <param name="Emoji">Option emoji.</param>
/// <param name="Value">The rating it records.</param>
/// <param name="Count">Current votes for it.</param>
public sealed record OptionVotes(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("emoji")] string Emoji,
    [property: JsonPropertyName("value")] int Value,
    [property: JsonPropertyName("count")] int Count);

/// <summary>A comment in a report.</summary>
/// <param name="Rating">The rating it came with.</param>
/// <param name="Text">The comment as written; escape it when showing it as HTML.</param>
/// <param name="At">When it was saved (UTC).</param>
/// <param name="Email">The subscriber's address, or null unless the report was asked to include people.</param>
public sealed record CommentEntry(
    [property: JsonPropertyName("rating")] int Rating,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("email"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email);
