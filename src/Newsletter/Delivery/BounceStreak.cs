// Tells a server that refuses everyone from a list of bad addresses: the same hard refusal, recipient after recipient.
namespace Newsletter.Delivery;

/// <summary>
/// Counts hard bounces in a row that carry the same reply once addresses are taken out of it. A relay that refuses
/// us (a plain <c>550 Error</c> with no enhanced status code to say why) looks, one recipient at a time, like a
/// list of bad addresses; <see cref="Limit"/> identical refusals in a row with no message accepted in between are
/// taken for the server refusing the sender, and those bounces are to be undone. Thread-safe.
/// </summary>
internal sealed class BounceStreak(int limit = BounceStreak.DefaultLimit)
{
    /// <summary>Identical hard bounces in a row that pause a send.</summary>
    public const int DefaultLimit = 10;

    private readonly Lock _lock = new();
    private readonly List<(long DeliveryId, long SubscriberId)> _run = [];
    private string? _reply;
    private bool _tripped;

    public int Limit { get; } = limit;

    /// <summary>
    /// Records a hard bounce; returns the bounces to undo (the whole streak when it reaches the limit, then each
    /// later one with the same reply), or an empty list while the bounces still look like the addresses' fault.
    /// </summary>
    public IReadOnlyList<(long DeliveryId, long SubscriberId)> Bounced(long deliveryId, long subscriberId, string? reply)
    {
        var shape = FailureReasons.Shape(reply);
        lock (_lock)
        {
            if (shape != _reply)
            {
                _run.Clear();
                _reply = shape;
                _tripped = false;
            }
            if (_tripped) return [(deliveryId, subscriberId)];
            _run.Add((deliveryId, subscriberId));
            if (_run.Count < Limit) return [];
            _tripped = true;
            var streak = _run.ToList();
            _run.Clear();
            return streak;
        }
    }

    /// <summary>A message was accepted: the refusals so far were about their addresses.</summary>
    public void Accepted()
    {
        lock (_lock)
        {
            _run.Clear();
            _reply = null;
            _tripped = false;
        }
    }
}
