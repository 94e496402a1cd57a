// Running totals of a bounce import or fetch, for the one line it prints at the end.
namespace Newsletter.Delivery.Bounces;

/// <summary>Counts of processed reports. Reports recorded by an earlier run count only as <see cref="AlreadyRecorded"/>.</summary>
public sealed class BounceSummary
{
    /// <summary>Messages read.</summary>
    public int Reports { get; private set; }

    /// <summary>Hard bounces recorded now.</summary>
    public int Hard { get; private set; }

    /// <summary>Soft bounces recorded now.</summary>
    public int Soft { get; private set; }

    /// <summary>Complaints recorded now.</summary>
    public int Complaints { get; private set; }

    /// <summary>Messages that are not bounces.</summary>
    public int NotBounces { get; private set; }

    /// <summary>Reports recorded now that match no one on the list.</summary>
    public int Unmatched { get; private set; }

    /// <summary>Subscribers suppressed now.</summary>
    public int Suppressed { get; private set; }

    /// <summary>Reports skipped because an earlier run recorded them.</summary>
    public int AlreadyRecorded { get; private set; }

    /// <summary>Adds one outcome.</summary>
    public void Add(BounceOutcome outcome)
    {
        Reports++;
        if (outcome.Report.Kind == BounceKind.NotBounce) NotBounces++;
        else if (!outcome.Recorded) AlreadyRecorded++;
        else
        {
            if (outcome.Report.Kind == BounceKind.HardBounce) Hard++;
            if (outcome.Report.Kind == BounceKind.SoftBounce) Soft++;
            if (outcome.Report.Kind == BounceKind.Complaint) Complaints++;
            if (outcome.Match.SubscriberId is null) Unmatched++;
        }
        if (outcome.Suppressed) Suppressed++;
    }

    /// <summary><c>N reports: hard H, soft S, complaints C, not bounces X, unmatched U, suppressed K, already recorded D</c>.</summary>
    public override string ToString() =>
        $"{Reports} reports: hard {Hard}, soft {Soft}, complaints {Complaints}, not bounces {NotBounces}, unmatched {Unmatched}, " +
        $"suppressed {Suppressed}, already recorded {AlreadyRecorded}";
}
