// Why deliveries did not go out, grouped so that a thousand alike refusals read as one line with a count.
using System.Text.RegularExpressions;

namespace Newsletter.Delivery;

/// <summary>One group of alike failures: the outcome, the reason with addresses taken out, and how many.</summary>
/// <param name="Outcome">How the deliveries ended, in the words <c>send</c> prints: <c>deferred</c>, <c>bounced</c>, <c>gave up</c>, <c>skipped</c>, <c>paused</c>.</param>
/// <param name="Reason">The server's reply or the error, with each address replaced by <c>&lt;address&gt;</c>.</param>
/// <param name="Count">How many deliveries ended so.</param>
public sealed record FailureReason(string Outcome, string Reason, int Count);

/// <summary>Groups failure reasons by outcome and by their text once addresses are taken out. Thread-safe.</summary>
public sealed partial class FailureReasons
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, string), int> _counts = [];

    /// <summary>Adds failures; a negative count takes back ones added before.</summary>
    /// <param name="status">How the deliveries ended; <see cref="DeliveryStatus.Sent"/> is no failure and is ignored.</param>
    /// <param name="reason">The reply or error; ignored when null or empty.</param>
    /// <param name="count">How many deliveries ended so.</param>
    public void Add(DeliveryStatus status, string? reason, int count = 1)
    {
        if (status == DeliveryStatus.Sent || string.IsNullOrWhiteSpace(reason)) return;
        var key = (OutcomeOf(status), Shape(reason));
        lock (_lock) _counts[key] = _counts.GetValueOrDefault(key) + count;
    }

    /// <summary>The groups, largest first.</summary>
    public IReadOnlyList<FailureReason> Groups()
    {
        lock (_lock)
            return [.. _counts.Where(p => p.Value > 0).Select(p => new FailureReason(p.Key.Item1, p.Key.Item2, p.Value)).OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)];
    }

    /// <summary>The word <c>send</c> and <c>status</c> print for a delivery's end, e.g. <c>deferred</c> for soft-failed.</summary>
    public static string OutcomeOf(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Deferred => "deferred",
        DeliveryStatus.GaveUp => "gave up",
        DeliveryStatus.Suppressed => "skipped",
        DeliveryStatus.Pending => "paused",
        _ => status.ToText(),
    };

    /// <summary>The reply with addresses replaced, so that replies that differ only by recipient compare equal.</summary>
    /// <param name="reply">E.g. <c>550 5.1.1 &lt;ada@example.com&gt;: user unknown</c>.</param>
    /// <returns>E.g. <c>550 5.1.1 &lt;address&gt;: user unknown</c>.</returns>
    public static string Shape(string? reply) => Address().Replace(reply?.Trim() ?? "", "<address>");

    [GeneratedRegex(@"<[^<>\s]*@[^<>\s]*>|[^\s<>():;,]+@[^\s<>():;,]+")]
    private static partial Regex Address();
}
