// Decides hard or soft for a failed delivery: by its RFC 3463 status code first, by well-known phrases after.
using System.Text.RegularExpressions;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Hard or soft, so that only an address that really cannot receive mail is suppressed at once. The rule:
/// <list type="number">
/// <item>A delay notice (RFC 3464 <c>Action: delayed</c>) and any class 4 code (or 4xx reply) are soft: the mail
/// system is still trying or may succeed later.</item>
/// <item>5.1.x (bad address, unknown mailbox, no such domain) and 5.2.1 (mailbox disabled) are hard, except 5.1.7
/// and 5.1.8, which are about the sender's address, and 5.1.0, which is a catch-all (rule 5).</item>
/// <item>5.2.1 is hard unless the text gives a soft reason (Gmail uses it for a recipient receiving mail too fast).</item>
/// <item>5.2.2 (mailbox full) and 5.2.3 (message too large) are soft: the mailbox exists.</item>
/// <item>5.3.x (receiving system), 5.4.x (routing), 5.5.x (protocol), 5.6.x (content) and 5.7.x (security and
/// policy: spam filters, blocklists, SPF/DKIM/DMARC, relaying) are not the recipient's fault and are soft, unless the
/// text says the address does not exist (some servers give 5.7.1 or 5.5.0 for an unknown user).</item>
/// <item>Catch-all codes (5.0.0, 5.1.0, 5.2.0) and reports without a code go by phrase: a full mailbox or
/// a policy reason or a refused sender makes them soft, an unknown user or domain hard; a permanent failure that
/// names no reason is hard.</item>
/// <item>Whatever the code, a diagnostic that names the sender's own address or domain and not the recipient's is
/// about the sender and soft (see <see cref="AboutSender"/>).</item>
/// </list>
/// </summary>
public static partial class BounceClassifier
{
    /// <summary>Classifies one failed delivery.</summary>
    /// <param name="code">The enhanced status code, or null.</param>
    /// <param name="reply">The basic SMTP reply code (RFC 5321 §4.2, e.g. 550), or null.</param>
    /// <param name="text">Diagnostic text to read phrases from, or null.</param>
    /// <param name="delayed">True for a delay notice rather than a failure.</param>
    /// <returns><see cref="BounceKind.HardBounce"/> or <see cref="BounceKind.SoftBounce"/>.</returns>
    public static BounceKind Classify(EnhancedStatusCode? code, int? reply, string? text, bool delayed = false)
    {
        if (delayed) return BounceKind.SoftBounce;
        var phrase = ByPhrase(text);
        // For a policy code the remote server's own words after it count first ("Unknown address error 550 5.7.1 Access denied").
        var remotePhrase = code is not null && text?.IndexOf(code.ToString(), StringComparison.Ordinal) is >= 0 and var at
            ? ByPhrase(text[(at + code.ToString().Length)..]) ?? phrase
            : phrase;
        if (code is { Class: 4 } || code is null && reply is >= 400 and < 500) return BounceKind.SoftBounce;
        if (code is { Class: 5 } c)
        {
            switch (c.Subject, c.Detail)
            {
                case (1, 7) or (1, 8): return BounceKind.SoftBounce;
                case (1, 0): break;
                case (1, _): return BounceKind.HardBounce;
                case (2, 1): return phrase == BounceKind.SoftBounce ? BounceKind.SoftBounce : BounceKind.HardBounce;
                case (2, 2) or (2, 3): return BounceKind.SoftBounce;
                case (3 or 4 or 5 or 6 or 7, _): return remotePhrase == BounceKind.HardBounce ? BounceKind.HardBounce : BounceKind.SoftBounce;
            }
        }
        if (phrase is { } kind) return kind;
        if (code is null && reply is null && Temporary().IsMatch(text ?? "")) return BounceKind.SoftBounce;
        return BounceKind.HardBounce;
    }

    /// <summary>
    /// True when <paramref name="diagnostic"/> names one of the report's own addresses (the sender that gets the
    /// bounce) or their domains, and neither the failed recipient nor its domain: the refusal is about the sender.
    /// </summary>
    public static bool AboutSender(string? diagnostic, string? recipient, IEnumerable<string> ownAddresses)
    {
        if (string.IsNullOrEmpty(diagnostic) || string.IsNullOrEmpty(recipient)) return false;
        diagnostic = Url().Replace(diagnostic, " ");
        var recipientDomain = recipient[(recipient.LastIndexOf('@') + 1)..];
        if (Names(diagnostic, recipient) || Names(diagnostic, recipientDomain)) return false;
        foreach (var own in ownAddresses)
        {
            var domain = own[(own.LastIndexOf('@') + 1)..];
            if (Names(diagnostic, own) || domain.Length > 0 && !domain.Equals(recipientDomain, StringComparison.OrdinalIgnoreCase) && Names(diagnostic, domain))
                return true;
        }
        return false;
    }

    // A whole-word mention: "example.com" is named neither by "neko.example.com" nor by "user@example.com".
    private static bool Names(string text, string value) =>
        Regex.IsMatch(text, @"(?<![\w.@-])" + Regex.Escape(value) + @"(?![\w-]|\.\w)", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"\w+://\S+")]
    private static partial Regex Url();

    /// <summary>The kind well-known phrases in <paramref name="text"/> point to, or null when none is there.</summary>
    public static BounceKind? ByPhrase(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (SenderSide().IsMatch(text) || Full().IsMatch(text)) return BounceKind.SoftBounce;
        if (Unknown().IsMatch(text)) return BounceKind.HardBounce;
        if (Policy().IsMatch(text)) return BounceKind.SoftBounce;
        if (NoDomain().IsMatch(text)) return BounceKind.HardBounce;
        if (Temporary().IsMatch(text)) return BounceKind.SoftBounce;
        return null;
    }

    // The server refused the sender (its address, domain or host), before the recipient was even considered.
    [GeneratedRegex(@"after MAIL FROM|sender (address )?(was )?rejected|\[MAIL_FROM\]|domain of sender|sender domain", RegexOptions.IgnoreCase)]
    private static partial Regex SenderSide();

    [GeneratedRegex(@"mailbox (is )?full|over ?quota|quota exceeded|exceeded (the )?(storage|quota)|storage quota|insufficient (disk )?space|mailbox size limit|too large|size limit", RegexOptions.IgnoreCase)]
    private static partial Regex Full();

    [GeneratedRegex(@"user(name)? (is )?unknown|unknown (user|recipient|local|mailbox|address)|no such (user|mailbox|recipient|address|account)|address (couldn't|could not) be found|address not found|disabled (recipient|mailbox|account|user)|doesn't have an? [\w.-]+ account|mailbox is frozen|not our user|no mailbox|mailbox (is )?(unavailable|not found|does not exist)|does ?n[o']t exist|not exist|invalid (recipient|mailbox|address|user)|recipient (address )?(unknown|invalid|not found)|unknown or illegal|illegal (user|alias)|user not found|account (is |has been )?(disabled|deactivated|closed|inactive|suspended)|not a valid (user|mailbox|recipient)|no valid recipients|unrouteable address|not listed in|not a registered", RegexOptions.IgnoreCase)]
    private static partial Regex Unknown();

    [GeneratedRegex(@"spam|black ?list|block ?list|blocked|banned|reverse dns|ptr record|\bdnsbl|\brbl\b|access denied|not allowed|unauthenticated|authentication|\bspf\b|\bdkim\b|\bdmarc\b|policy|relay(ing)? (access )?denied|not permitted|sender (address )?(was )?rejected|rejected (due to|by|for)|reputation|throttl|rate limit|too many|complaints|content|virus|header error|use the smtp server|protocol violation|improper sequence|not implemented|transaction failed|not verified|mismatches client|at a rate that", RegexOptions.IgnoreCase)]
    private static partial Regex Policy();

    [GeneratedRegex(@"domain (name )?(does not exist|not found|is invalid)|host (or domain name )?not found|unknown host|couldn't find any host|no mx|mail exchanger or ip|no such domain|domain.*does not exist", RegexOptions.IgnoreCase)]
    private static partial Regex NoDomain();

    [GeneratedRegex(@"temporar|try again|retry|delayed|deferred|timed? ?out|expired|connection (refused|reset|lost)|socket error|could not connect|did not accept our requests to connect|unable to connect|establish an smtp connection|in the queue too long|unable to deliver message after|ldap server|lock failure|error while writing|no such file or directory", RegexOptions.IgnoreCase)]
    private static partial Regex Temporary();
}
