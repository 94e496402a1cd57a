// The states a delivery moves through in the send ledger.
namespace Newsletter.Delivery;

/// <summary>Ledger state of one (issue, subscriber) delivery, stored as lower-case text.</summary>
public enum DeliveryStatus
{
    /// <summary>Not yet handed to the transport.</summary>
    Pending,
    /// <summary>Claimed by a run and handed (or about to be handed) to the transport.</summary>
    Sending,
    /// <summary>Accepted by the transport.</summary>
    Sent,
    /// <summary>Refused for this message only (e.g. a transient failure that exhausted retries).</summary>
    Failed,
    /// <summary>Refused permanently (5xx); the subscriber is suppressed.</summary>
    Bounced,
    /// <summary>Skipped because the subscriber was no longer active when its turn came.</summary>
    Suppressed,
}
