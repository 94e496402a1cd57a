// Mail that leaves the machine must not carry the placeholder links and sender of a first look.
using System.Net;
using Newsletter.Configuration;
using Newsletter.Delivery.Messages;

namespace Newsletter.Delivery;

/// <summary>
/// The rule for a send through SMTP or sendmail: <c>baseUrl</c> must be an <c>https</c> address that is not loopback
/// (readers click every link from their own machines, and RFC 8058 §3 wants the one-click unsubscribe URL to be
/// https), and <c>from</c> must not be in a domain RFC 2606 and RFC 6761 reserve (<c>example</c>, <c>example.com</c>,
/// <c>example.net</c>, <c>example.org</c>, <c>test</c>, <c>invalid</c>, <c>localhost</c>, and every name under them),
/// which nobody can receive replies at and receivers distrust. The outbox only writes files, so it takes anything.
/// </summary>
public static class LiveSendRule
{
    /// <summary>The command-line option that sends despite the rule.</summary>
    public const string ForceOption = "--force";

    private static readonly string[] ReservedDomains = ["example", "example.com", "example.net", "example.org", "test", "invalid", "localhost"];

    /// <summary>Whether <paramref name="transport"/> (the <c>transport</c> setting) hands mail to a real server: SMTP or sendmail.</summary>
    public static bool IsLive(string transport) => !transport.Trim().StartsWith("outbox:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The settings that break the rule, <c>baseUrl</c> before <c>from</c>; empty when a live send may go.</summary>
    /// <param name="settings">The workspace settings; <c>baseUrl</c> is already an absolute http(s) URL (settings validation).</param>
    public static IReadOnlyList<PlaceholderSetting> Find(NewsletterSettings settings)
    {
        var found = new List<PlaceholderSetting>();
        if (BaseUrlProblem(settings.BaseUrl) is { } link) found.Add(new PlaceholderSetting("baseUrl", link));
        if (FromProblem(settings.From) is { } sender) found.Add(new PlaceholderSetting("from", sender));
        return found;
    }

    /// <summary>Refuses a send through SMTP or sendmail whose settings break the rule, unless <paramref name="force"/> is set.</summary>
    /// <param name="settings">The workspace settings.</param>
    /// <param name="force">The sender means it (<see cref="ForceOption"/>): nothing is refused.</param>
    /// <exception cref="ConfigurationFileException">The first setting at fault, with its line in the file and what to do.</exception>
    public static void Enforce(NewsletterSettings settings, bool force)
    {
        if (force || !IsLive(settings.Transport)) return;
        if (Find(settings) is not [var first, ..]) return;
        throw ConfigurationFileException.ForSetting(settings.ConfigFile, first.Setting,
            $"{first.Reason}; nothing was sent. Set a real one, send through an outbox, or pass {ForceOption} if you mean it");
    }

    private static string? BaseUrlProblem(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url)) return null;
        if (IsLoopback(url.Host))
            return $"is \"{baseUrl}\", a loopback address: every poll, unsubscribe and view-online link would be dead in readers' inboxes";
        if (url.Scheme != Uri.UriSchemeHttps)
            return $"is \"{baseUrl}\", not https: RFC 8058 one-click unsubscribe needs an https URL, e.g. \"https://news.example.org\"";
        return null;
    }

    private static string? FromProblem(string from)
    {
        string domain;
        try
        {
            domain = MailboxParser.Parse(from).Domain.TrimEnd('.').ToLowerInvariant();
        }
        catch (InputException)
        {
            return null; // Not a mailbox at all: settings validation says so with its own message.
        }
        return ReservedDomains.Any(r => domain == r || domain.EndsWith("." + r, StringComparison.Ordinal))
            ? $"is \"{from}\", in the reserved domain {domain} (RFC 2606): replies go nowhere and receivers distrust it"
            : null;
    }

    private static bool IsLoopback(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal)
            || (IPAddress.TryParse(name.Trim('[', ']'), out var address) && (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)));
    }
}
