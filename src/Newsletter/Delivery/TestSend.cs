// `send ISSUE --test EMAIL[,EMAIL...]`: the issue, now, to a few addresses, as a test that leaves no trace in the ledger.
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Delivery.Messages;
using Newsletter.Delivery.Transports;
using Newsletter.Rendering;
using Newsletter.Signing;

namespace Newsletter.Delivery;

/// <summary>
/// Mails an issue to test addresses, on the list or not. Each message is marked as a test (subject prefix and header,
/// see <see cref="MessageComposer.Compose"/>), an address on the list gets its own merge fields and any other the
/// sample subscriber's, and every personal link carries <see cref="PersonalLinks.TestSubscriberId"/>, so a click is
/// answered but not counted. Nothing is written: no issue record, no delivery, no vote, no stats.
/// </summary>
public sealed class TestSend(SubscriberStore subscribers, IDeliveryTransport transport)
{
    /// <summary>The most addresses one test send takes: it is a test, not a list.</summary>
    public const int MaxAddresses = 20;

    /// <summary>Reads <c>--test</c>'s comma-separated addresses, each normalised (RFC 5321 mailbox, IDN domains in punycode).</summary>
    /// <param name="list">E.g. <c>me@buildnotes.dev,editor@buildnotes.dev</c>.</param>
    /// <exception cref="InputException">An address is malformed, or there are none or too many; the message names it.</exception>
    public static IReadOnlyList<string> ParseAddresses(string list)
    {
        var addresses = new List<string>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!EmailAddress.TryNormalize(part, out var address, out var reason))
                throw new InputException($"--test: '{part}' is not an email address ({reason}); nothing was sent");
            if (!addresses.Contains(address, StringComparer.OrdinalIgnoreCase)) addresses.Add(address);
        }
        if (addresses.Count == 0) throw new InputException("--test: give one or more addresses, e.g. --test me@example.org; nothing was sent");
        if (addresses.Count > MaxAddresses)
            throw new InputException($"--test: {addresses.Count} addresses, more than the {MaxAddresses} a test send takes; nothing was sent");
        return addresses;
    }

    /// <summary>Sends <paramref name="sendable"/> to each address, one message each; returns each address's outcome, in order.</summary>
    /// <param name="sendable">The checked issue and its renderer, prepared with the issue's database id (0 when it was never sent).</param>
    /// <param name="composer">Builds each message.</param>
    /// <param name="addresses">From <see cref="ParseAddresses"/>.</param>
    /// <param name="cancellationToken">Stops before the next address.</param>
    /// <exception cref="TemplateException">The issue does not render for an address's subscriber.</exception>
    public async Task<IReadOnlyList<(string Address, TransportResult Result)>> SendAsync(SendableIssue sendable, MessageComposer composer,
        IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var (issue, renderer) = (sendable.Issue, sendable.Renderer);
        // Rendered for everyone before anything goes out: one address whose message fails to build stops the lot.
        var messages = addresses.Select(address =>
        {
            var subscriber = StandIn(address);
            // The outbox files tests apart from the real send: Message-IDs "SLUG-test.N@domain" go to the folder SLUG-test.
            var messageId = $"{issue.Slug}-test.{Guid.NewGuid():N}@{composer.Domain}";
            return (address, composer.Compose(renderer.Render(subscriber), subscriber, messageId, issue.Slug, test: true));
        }).ToList();
        var results = new List<(string, TransportResult)>();
        foreach (var (address, message) in messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The plain envelope sender: a bounce of a test has no delivery to be matched to.
            results.Add((address, await transport.SendAsync(composer.EnvelopeFrom, address, message, cancellationToken)));
        }
        return results;
    }

    // Who the template sees: the list's subscriber by that address, else the sample one; the id is always the test id.
    private Subscriber StandIn(string address) =>
        (subscribers.FindByEmail(address) ?? SampleSubscriber.Instance with { Email = address })
        with { Id = PersonalLinks.TestSubscriberId, Status = SubscriberStatus.Active };
}
