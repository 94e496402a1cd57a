// The send loop: claim deliveries from the ledger, render, hand to the transport, record each outcome.
using Newsletter.Audience;
using Newsletter.Audience.Segments;
using Newsletter.Authoring;
using Newsletter.Rendering;

namespace Newsletter.Delivery;

/// <summary>
/// Sends an issue to every active subscriber who has not had it, exactly once across reruns and crashes
/// (see <see cref="SendLedger"/>). The issue is rendered for one subscriber before anything is recorded, so a
/// template error stops the send with nothing written. A rejected recipient fails that delivery only; a run of
/// <see cref="MaxConsecutiveDeferrals"/> deferrals in a row pauses the send with the last reason.
/// </summary>
public sealed class IssueSender(SendLedger ledger, IssueStore issues, SubscriberStore subscribers, IMailTransport transport)
{
    /// <summary>Deliveries claimed per ledger round trip.</summary>
    public const int BatchSize = 200;

    /// <summary>Consecutive deferrals (connection failures, 4xx) after which the run pauses.</summary>
    public const int MaxConsecutiveDeferrals = 25;

    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(5);

    /// <summary>Sends <paramref name="issue"/>.</summary>
    /// <param name="issue">The parsed issue.</param>
    /// <param name="prepare">Prepares the renderer once the issue's database id is known.</param>
    /// <param name="composer">Builds each message.</param>
    /// <param name="unsubscribeUrl">The signed unsubscribe URL of (issue id, subscriber id).</param>
    /// <param name="progress">Receives snapshots after each message; may be null.</param>
    /// <param name="cancellationToken">Stops after the messages in flight; the rest stay pending.</param>
    /// <param name="segment">Only the active subscribers this audience segment selects get the issue; null for all.</param>
    /// <exception cref="SendBlockedException">Another run holds the issue's lease.</exception>
    /// <exception cref="TemplateException">The issue does not render; nothing was sent or recorded as sent.</exception>
    public async Task<SendSummary> SendAsync(Issue issue, Func<long, IssueRenderer> prepare, MessageComposer composer,
        Func<long, long, string> unsubscribeUrl, IProgress<SendProgress>? progress, CancellationToken cancellationToken,
        CompiledSegment? segment = null)
    {
        var record = issues.Register(issue);
        var renderer = prepare(record.Id);
        renderer.Render(subscribers.List().FirstOrDefault() ?? SampleSubscriber.Instance);
        if (!ledger.TryTakeLease(record.Id, LeaseLength))
            throw new SendBlockedException($"another run is sending '{issue.Slug}' right now; try again when it has finished");
        try
        {
            var before = ledger.Counts(record.Id);
            var (recovered, _) = ledger.Prepare(record.Id, issue.Slug, composer.EnvelopeFrom[(composer.EnvelopeFrom.IndexOf('@') + 1)..], segment);
            issues.MarkStarted(record.Id);
            var run = new SendRun(ledger.Counts(record.Id)[DeliveryStatus.Pending], progress);
            var paused = await SendPendingAsync(record.Id, issue.Slug, renderer, composer, unsubscribeUrl, run, cancellationToken);
            if (paused is null && !cancellationToken.IsCancellationRequested && ledger.Counts(record.Id)[DeliveryStatus.Pending] == 0)
                issues.MarkFinished(record.Id);
            return new SendSummary(issue.Slug, run.Sent, run.Deferred, run.Bounced, run.Suppressed,
                before[DeliveryStatus.Sent], recovered, run.Clock.Elapsed, paused);
        }
        finally
        {
            ledger.ReleaseLease(record.Id);
        }
    }

    private async Task<string?> SendPendingAsync(long issueId, string slug, IssueRenderer renderer, MessageComposer composer,
        Func<long, long, string> unsubscribeUrl, SendRun run, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = ledger.Claim(issueId, BatchSize);
            if (batch.Count == 0) return null;
            ledger.TryTakeLease(issueId, LeaseLength);
            var options = new ParallelOptions { MaxDegreeOfParallelism = transport.Concurrency, CancellationToken = CancellationToken.None };
            await Parallel.ForEachAsync(batch, options, async (delivery, _) =>
            {
                if (run.PausedReason is not null || cancellationToken.IsCancellationRequested) return;
                await DeliverAsync(delivery, slug, renderer, composer, unsubscribeUrl(issueId, delivery.Subscriber.Id), run);
            });
            if (run.PausedReason is not null) break;
        }
        ledger.Release(issueId);
        return run.PausedReason;
    }

    private async Task DeliverAsync(ClaimedDelivery delivery, string slug, IssueRenderer renderer, MessageComposer composer,
        string unsubscribe, SendRun run)
    {
        if (delivery.Subscriber.Status != SubscriberStatus.Active)
        {
            ledger.Finish(delivery.Id, DeliveryStatus.Suppressed, $"subscriber is {delivery.Subscriber.Status.ToText()}");
            run.Record(DeliveryStatus.Suppressed, null);
            return;
        }
        var message = composer.Compose(renderer.Render(delivery.Subscriber), delivery.Subscriber, delivery.MessageId, slug, unsubscribe);
        TransportResult result;
        try
        {
            result = await transport.SendAsync(composer.EnvelopeFrom, delivery.Subscriber.Email, message, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result = new TransportResult(TransportOutcome.Deferred, e.Message);
        }
        var status = result.Outcome switch
        {
            TransportOutcome.Accepted => DeliveryStatus.Sent,
            TransportOutcome.Rejected => DeliveryStatus.Bounced,
            _ => DeliveryStatus.Failed,
        };
        ledger.Finish(delivery.Id, status, result.Detail);
        if (status == DeliveryStatus.Bounced) subscribers.SetStatus(delivery.Subscriber.Id, SubscriberStatus.Bounced);
        run.Record(status, result.Detail);
    }
}
