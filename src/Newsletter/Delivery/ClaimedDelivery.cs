// A delivery a run has claimed, with the subscriber it goes to.
using Newsletter.Audience;

namespace Newsletter.Delivery;

/// <summary>A claimed delivery.</summary>
/// <param name="Id">Delivery row id.</param>
/// <param name="MessageId">The stable Message-ID (RFC 5322 §3.6.4) for this issue and subscriber, without brackets.</param>
/// <param name="Subscriber">The recipient as stored at claim time.</param>
/// <param name="Attempts">Earlier hand-overs to the transport (0 on the first try).</param>
/// <param name="FirstFailedAt">When the first soft failure happened, or null; the retry period counts from it.</param>
public sealed record ClaimedDelivery(long Id, string MessageId, Subscriber Subscriber, int Attempts = 0, DateTimeOffset? FirstFailedAt = null);
