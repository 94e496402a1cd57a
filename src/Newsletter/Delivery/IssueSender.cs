// The send loop: claim deliveries from the ledger, render, hand to the transport, record each outcome.
using Newsletter.Audience;
using Newsletter.Audience.Segments;
using Newsletter.Authoring;
using Newsletter.Delivery.Messages;
using Newsletter.Delivery.Transports;
using Newsletter.Rendering;

namespace Newsletter.Delivery;

/// <summary>
/// Sends an issue to every active subscriber who has not had it, exactly once across reruns and crashes (see
/// <see cref="SendLedger"/>). The issue is rendered for one subscriber before anything is recorded, so a template
/// error stops the send with nothing written. Two tiers of failure: a refused recipient fails that delivery only
/// (5xx bounces and suppresses the subscriber; 4xx and throttling are retried with backoff), while
/// <see cref="SendOptions.MaxConsecutiveErrors"/> soft failures in a row pause the whole send with the last reason.
/// A welcome issue (<see cref="Issue.Welcome"/>) only sends the deliveries <see cref="WelcomeQueue"/> queued, never
/// the whole list, and is never marked sent: more subscribers keep arriving.
/// </summary>
public sealed class IssueSender(SendLedger ledger, IssueStore issues, SubscriberStore subscribers, IDeliveryTransport transport,
    SendOptions? options = null, TimeProvider? clock = null)
{
    /// <summary>Deliveries claimed per ledger round trip (fewer under a low rate limit, so the lease is renewed in time).</summary>
    public const int BatchSize = 200;

    private readonly SendOptions _options = options ?? SendOptions.Default;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Sends <paramref name="sendable"/>, an issue that passed its checks.</summary>
    /// <param name="sendable">The checked issue and its prepared renderer (with any issue id: its personal links are signed again for the recorded one).</param>
    /// <param name="composer">Builds each message.</param>
    /// <param name="progress">Receives snapshots after each message; may be null.</param>
    /// <param name="cancellationToken">Stops after the messages in flight; the rest stay pending.</param>
    /// <param name="segment">Only the active subscribers this audience segment selects get the issue; null for all.</param>
    /// <exception cref="SendBlockedException">Another run holds the issue's lease, or the issue is paused or cancelled.</exception>
    /// <exception cref="TemplateException">The issue does not render; nothing was sent or recorded as sent.</exception>
    public async Task<SendSummary> SendAsync(SendableIssue sendable, MessageComposer composer,
        IProgress<SendProgress>? progress, CancellationToken cancellationToken,
        CompiledSegment? segment = null)
    {
        var issue = sendable.Issue;
        var record = issues.Register(issue);
        if (BlockedReason(record) is { } blocked) throw new SendBlockedException(blocked);
        // Prepared before the issue was recorded; only the links learn its id now.
        var renderer = sendable.Renderer.ForIssue(record.Id);
        renderer.Render(subscribers.List().FirstOrDefault() ?? SampleSubscriber.Instance);
        if (!ledger.TryTakeLease(record.Id, _options.LeaseLength))
            throw new SendBlockedException($"another run is sending '{issue.Slug}' right now; try again when it has finished");
        try
        {
            var before = ledger.Counts(record.Id);
            var (recovered, _) = ledger.Prepare(record.Id, issue.Slug, composer.Domain, segment, enqueueActive: !issue.Welcome);
            issues.MarkStarted(record.Id);
            var run = new SendRun(ledger.Counts(record.Id)[DeliveryStatus.Pending], _options.MaxConsecutiveErrors, progress);
            using var session = ledger.OpenSession();
            var context = new Context(record.Id, issue.Slug, renderer, composer, run, new SendPacer(_options.MessagesPerSecond), session,
                new BounceStreak());
            await SendPendingAsync(context, cancellationToken);
            if (run.PausedReason is { } reason) issues.Pause(record.Id, reason);
            var after = ledger.Counts(record.Id);
            var waiting = after[DeliveryStatus.Deferred];
            if (!issue.Welcome && !run.Stopping && after[DeliveryStatus.Pending] == 0 && after[DeliveryStatus.Sending] == 0 && waiting == 0)
                issues.MarkFinished(record.Id);
            return new SendSummary(issue.Slug, run.Sent, run.Deferred, run.Bounced, run.Suppressed, before[DeliveryStatus.Sent],
                recovered, run.Clock.Elapsed, run.PausedReason, run.StoppedReason, run.GaveUp, waiting, ledger.NextRetry(record.Id),
                run.Reasons.Groups());
        }
        finally
        {
            ledger.ReleaseLease(record.Id);
        }
    }

    /// <summary>Why a send of this issue may not start or go on, or null when it may.</summary>
    public static string? BlockedReason(IssueRecord record) =>
        record.CancelledAt is not null ? $"the send of '{record.Slug}' was cancelled; it will not be sent again"
        : record.PausedReason is { } paused ? $"the send of '{record.Slug}' is paused ({paused}); resume it with 'newsletter send --resume {record.Slug}'"
        : null;

    private sealed record Context(long IssueId, string Slug, IssueRenderer Renderer, MessageComposer Composer,
        SendRun Run, SendPacer Pacer, LedgerSession Session, BounceStreak Streak);

    private async Task SendPendingAsync(Context context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var hourlyBudget = _options.MessagesPerHour > 0
            ? _options.MessagesPerHour - ledger.SentSince(_clock.GetUtcNow() - TimeSpan.FromHours(1))
            : int.MaxValue;
        while (!run.Stopping)
        {
            if (cancellationToken.IsCancellationRequested) { run.Stop("interrupted; the rest stays queued"); break; }
            if (issues.FindById(context.IssueId) is { } record && BlockedReason(record) is { } blocked) { run.Stop(blocked); break; }
            if (!ledger.TryTakeLease(context.IssueId, _options.LeaseLength)) { run.Stop("another run took over the send"); break; }
            // Workers sharing a send share the limits too: the budget is what all of them have left, the rate is split.
            if (Shared) context.Pacer.Share(ledger.LiveWorkers());
            var left = Shared ? ledger.HourlyBudgetLeft(_options.MessagesPerHour) : hourlyBudget - run.Sent;
            var limit = Math.Min(BatchLimit(), left);
            if (limit <= 0) { run.Stop($"the limit of {_options.MessagesPerHour} messages per hour is reached; a later run sends the rest"); break; }
            var batch = ledger.Claim(context.IssueId, limit, Shared ? _options.MessagesPerHour : 0);
            // Nothing pending: a dead worker's claims may still wait for someone to take them over.
            if (batch.Count == 0 && Shared && ledger.RecoverOrphans(context.IssueId) > 0) continue;
            if (batch.Count == 0) break;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = transport.Concurrency, CancellationToken = CancellationToken.None };
            await Parallel.ForEachAsync(batch, parallel, async (delivery, _) =>
            {
                if (run.Stopping || cancellationToken.IsCancellationRequested) return;
                await DeliverAsync(delivery, context);
            });
        }
        ledger.Release(context.IssueId);
    }

    private bool Shared => ledger.IsShared;

    // Under a rate limit a batch must finish well within the lease, which is renewed between batches.
    private int BatchLimit() => _options.MessagesPerSecond > 0
        ? (int)Math.Clamp(_options.MessagesPerSecond * _options.LeaseLength.TotalSeconds / 4, 1, BatchSize)
        : BatchSize;

    private async Task DeliverAsync(ClaimedDelivery delivery, Context context)
    {
        if (delivery.Subscriber.Status != SubscriberStatus.Active)
        {
            context.Session.Finish(delivery.Id, DeliveryStatus.Suppressed, $"subscriber is {delivery.Subscriber.Status.ToText()}");
            context.Run.Record(DeliveryStatus.Suppressed, null);
            return;
        }
        MimeKit.MimeMessage message;
        try
        {
            message = context.Composer.Compose(context.Renderer.Render(delivery.Subscriber), delivery.Subscriber, delivery.MessageId,
                context.Slug);
        }
        catch (Exception e) when (e is ArgumentException or MimeKit.ParseException)
        {
            // One subscriber whose message cannot be built (a malformed address or name) fails alone; the run goes on.
            var reason = $"the message could not be built: {e.Message}";
            context.Session.Finish(delivery.Id, DeliveryStatus.GaveUp, reason);
            context.Run.Record(DeliveryStatus.GaveUp, reason, subscriberAtFault: true);
            return;
        }
        await context.Pacer.WaitAsync(CancellationToken.None);
        context.Session.Hand(delivery.Id);
        TransportResult result;
        try
        {
            result = await transport.SendAsync(context.Composer.EnvelopeFor(delivery.Id), delivery.Subscriber.Email, message, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            result = new TransportResult(TransportOutcome.Deferred, e.Message);
        }
        var status = Record(delivery, result, context);
        context.Run.Record(status, result.Detail);
    }

    // The same refusal for recipient after recipient is the server refusing us: nobody is suppressed for it.
    private void UndoBounces(IReadOnlyList<(long DeliveryId, long SubscriberId)> bounces, string? reply, Context context)
    {
        foreach (var (deliveryId, subscriberId) in bounces)
        {
            subscribers.SetStatus(subscriberId, SubscriberStatus.Active);
            context.Session.Finish(deliveryId, DeliveryStatus.Pending, $"not a bounce: the server refused many recipients alike ({reply})");
        }
        // All but the bounce being recorded now were counted as bounces already.
        context.Run.Unbounce(bounces.Count - 1, reply);
        context.Run.Pause($"the mail server refused {context.Streak.Limit} recipients in a row with the same reply ({reply}); " +
            "that is the server refusing us, not bad addresses, so nobody was suppressed");
    }

    private DeliveryStatus Record(ClaimedDelivery delivery, TransportResult result, Context context)
    {
        var (session, pacer) = (context.Session, context.Pacer);
        switch (result.Outcome)
        {
            case TransportOutcome.Accepted:
                session.Finish(delivery.Id, DeliveryStatus.Sent);
                pacer.Accepted();
                context.Streak.Accepted();
                return DeliveryStatus.Sent;
            case TransportOutcome.Blocked:
                // The server refuses us, not this subscriber: the delivery goes back to the queue and the send pauses.
                session.Finish(delivery.Id, DeliveryStatus.Pending, result.Detail);
                context.Run.Pause($"the mail server refused the send: {result.Detail}");
                return DeliveryStatus.Pending;
            case TransportOutcome.Rejected:
                session.Finish(delivery.Id, DeliveryStatus.Bounced, result.Detail);
                subscribers.SetStatus(delivery.Subscriber.Id, SubscriberStatus.Bounced);
                var undone = context.Streak.Bounced(delivery.Id, delivery.Subscriber.Id, result.Detail);
                if (undone.Count == 0) return DeliveryStatus.Bounced;
                UndoBounces(undone, result.Detail, context);
                return DeliveryStatus.Pending;
            default:
                if (result.Outcome == TransportOutcome.Throttled) pacer.Throttled();
                var next = _options.Retry.NextTry(delivery.Attempts + 1, delivery.FirstFailedAt, _clock.GetUtcNow());
                var status = next is null ? DeliveryStatus.GaveUp : DeliveryStatus.Deferred;
                session.Finish(delivery.Id, status, result.Detail, next);
                return status;
        }
    }
}
