// Which delivery (and so which subscriber and issue) a bounce report is about, and how that was found.
namespace Newsletter.Delivery.Bounces;

/// <summary>How a report was tied to the list.</summary>
public enum MatchMethod
{
    /// <summary>Not tied to anyone on the list.</summary>
    None,
    /// <summary>By the signed delivery token of the VERP envelope sender it was addressed to.</summary>
    Verp,
    /// <summary>By the Message-ID of the returned message, which names one delivery.</summary>
    MessageId,
    /// <summary>By the failed recipient's address: that subscriber's most recent delivery.</summary>
    Recipient,
}

/// <summary>The delivery a report is about.</summary>
/// <param name="DeliveryId">Delivery row id, or null when only the subscriber is known.</param>
/// <param name="SubscriberId">Subscriber row id, or null when unmatched.</param>
/// <param name="IssueId">Issue row id, or null.</param>
/// <param name="Method">How the match was made.</param>
public sealed record DeliveryMatch(long? DeliveryId, long? SubscriberId, long? IssueId, MatchMethod Method)
{
    /// <summary>No match.</summary>
    public static DeliveryMatch None { get; } = new(null, null, null, MatchMethod.None);

    /// <summary>The stored text of <see cref="Method"/>: <c>verp</c>, <c>message-id</c>, <c>recipient</c>, or null.</summary>
    public string? MethodText => Method switch
    {
        MatchMethod.Verp => "verp",
        MatchMethod.MessageId => "message-id",
        MatchMethod.Recipient => "recipient",
        _ => null,
    };
}
