// What processing one report did: recorded, already recorded, or not a bounce; matched or not; suppressed or not.
namespace Newsletter.Delivery.Bounces;

/// <summary>The result of processing one report.</summary>
/// <param name="Report">The parsed report.</param>
/// <param name="Match">The delivery it was tied to (<see cref="DeliveryMatch.None"/> when unmatched or not a bounce).</param>
/// <param name="Recorded">True when a row was written now; false for a report recorded before, or not a bounce.</param>
/// <param name="Suppressed">True when the subscriber was suppressed because of this report.</param>
public sealed record BounceOutcome(BounceReport Report, DeliveryMatch Match, bool Recorded, bool Suppressed)
{
    /// <summary>True when this report had been recorded by an earlier run and was skipped.</summary>
    public bool Duplicate => Report.Kind != BounceKind.NotBounce && !Recorded;
}
