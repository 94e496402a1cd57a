// Whether the messages of a send will carry a DKIM signature over the one-click unsubscribe headers.
using Newsletter.Configuration;

namespace Newsletter.Checks;

/// <summary>
/// The signing finding of <c>check</c>: RFC 8058 §4 counts <c>List-Unsubscribe-Post</c> only when a DKIM signature
/// covers it and <c>List-Unsubscribe</c>, and DMARC (RFC 7489 §3.1.1) passes only when the signing domain is the
/// From domain or a parent of it.
/// </summary>
public static class SigningRule
{
    /// <summary>A one-line description of how messages are signed, for the end of <c>check</c>'s report.</summary>
    /// <param name="dkim">The <c>dkim</c> section, or null.</param>
    public static string Describe(DkimSettings? dkim) => dkim is null
        ? "Signing: messages are not DKIM-signed here (sign at the relay, or set 'dkim' in the configuration)."
        : $"Signing: every message is DKIM-signed (d={dkim.Domain}, s={dkim.Selector}, rsa-sha256, relaxed/relaxed), covering List-Unsubscribe and List-Unsubscribe-Post.";

    /// <summary>
    /// Warnings about signing: none configured for a send through an SMTP server, or a signing domain that does not
    /// align with From. An outbox sends nothing, and a local sendmail MTA usually signs itself, so neither is warned about.
    /// </summary>
    /// <param name="dkim">The <c>dkim</c> section, or null.</param>
    /// <param name="transport">The <c>transport</c> setting.</param>
    /// <param name="fromDomain">The ASCII domain of the From address.</param>
    /// <param name="configPath">The configuration file, named in the finding.</param>
    public static IEnumerable<CheckFinding> Check(DkimSettings? dkim, string transport, string fromDomain, string configPath)
    {
        var where = new SourcePosition(configPath, 0, 0);
        if (dkim is null)
        {
            if (!transport.TrimStart().StartsWith("smtp://", StringComparison.OrdinalIgnoreCase)) yield break;
            yield return new CheckFinding(CheckSeverity.Warning, "dkim-unsigned", where,
                "messages are not DKIM-signed here, so List-Unsubscribe and List-Unsubscribe-Post go unsigned unless your relay signs them " +
                "(RFC 8058 §4: mailbox providers ignore unsigned one-click headers); set 'dkim' or check your relay");
            yield break;
        }
        var domain = dkim.Domain.Trim('.').ToLowerInvariant();
        var from = fromDomain.ToLowerInvariant();
        if (from != domain && !from.EndsWith("." + domain, StringComparison.Ordinal))
            yield return new CheckFinding(CheckSeverity.Warning, "dkim-alignment", where,
                $"the DKIM domain {dkim.Domain} is neither the From domain {fromDomain} nor a parent of it, so DMARC will not count the signature");
    }
}
