// A delivery a run has claimed, with the subscriber it goes to.
using Newsletter.Audience;

namespace Newsletter.Delivery;

/// <summary>A claimed delivery.</summary>
/// <param name="Id">Delivery row id.</param>
/// <param name="MessageId">The stable Message-ID (RFC 5322 §3.6.4) for this issue and subscriber, without brackets.</param>
/// <param name="Subscriber">The recipient as stored at claim time.</param>
public sealed record ClaimedDelivery(long Id, string MessageId, Subscriber Subscriber);
