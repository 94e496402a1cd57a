// Queues the welcome issue for subscribers who just joined, in the send ledger, so it goes out exactly once each.
using Newsletter.Authoring;

namespace Newsletter.Delivery;

/// <summary>
/// Puts a welcome delivery in the <see cref="SendLedger"/> for a subscriber who has just confirmed (web double
/// opt-in) or been added with <c>--welcome</c>. The ledger holds one delivery per issue and subscriber, so queueing
/// again, or sending again, never gives anyone a second welcome. The deliveries go out with the next send of the
/// welcome issue (<c>send --due</c>, or at once from <c>subscribers add/import --welcome</c>).
/// </summary>
/// <param name="issuesFolder">The folder of issue files, searched for the one with <c>welcome: true</c>.</param>
/// <param name="issues">Where the welcome issue is recorded, so its deliveries have an issue id.</param>
/// <param name="ledger">The send ledger.</param>
/// <param name="domain">The Message-ID domain (the sender's), asked for only when something is queued.</param>
public sealed class WelcomeQueue(string issuesFolder, IssueStore issues, SendLedger ledger, Func<string> domain)
{
    /// <summary>The welcome issue, or null when the issues folder has none.</summary>
    /// <exception cref="IssueFormatException">Two files say <c>welcome: true</c>.</exception>
    public Issue? Find() => WelcomeIssue.Find(issuesFolder);

    /// <summary>Queues the welcome for one subscriber (no-op when they are not active or already have it).</summary>
    /// <returns>The welcome issue and whether a delivery was queued; null when there is no welcome issue.</returns>
    /// <exception cref="IssueFormatException">Two files say <c>welcome: true</c>.</exception>
    public WelcomeQueued? Queue(long subscriberId)
    {
        if (Find() is not { } welcome) return null;
        var record = issues.Register(welcome);
        return new WelcomeQueued(welcome, ledger.Enqueue(record.Id, subscriberId, welcome.Slug, domain()) ? 1 : 0);
    }

    /// <summary>Queues the welcome for every active subscriber created after <paramref name="afterId"/> (those an import just added).</summary>
    /// <returns>The welcome issue and how many deliveries were queued; null when there is no welcome issue.</returns>
    /// <exception cref="IssueFormatException">Two files say <c>welcome: true</c>.</exception>
    public WelcomeQueued? QueueAddedAfter(long afterId)
    {
        if (Find() is not { } welcome) return null;
        var record = issues.Register(welcome);
        return new WelcomeQueued(welcome, ledger.EnqueueAddedAfter(record.Id, afterId, welcome.Slug, domain()));
    }

    /// <summary>How many welcome deliveries of <paramref name="welcome"/> wait to be sent or retried.</summary>
    public int Waiting(Issue welcome) => issues.FindBySlug(welcome.Slug) is { } record ? ledger.Waiting(record.Id) : 0;
}
