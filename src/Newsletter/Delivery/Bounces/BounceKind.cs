// What a returned message says about a delivery: a hard or soft bounce, a complaint, or nothing.
namespace Newsletter.Delivery.Bounces;

/// <summary>The kind of a parsed report; stored as lower-case text (<see cref="BounceKindText"/>).</summary>
public enum BounceKind
{
    /// <summary>Not a bounce or complaint (an auto-reply, a delivery success notice, ordinary mail).</summary>
    NotBounce,
    /// <summary>The recipient's address cannot receive mail (unknown user, disabled mailbox, no such domain); suppresses at once.</summary>
    HardBounce,
    /// <summary>
    /// A failure that is temporary or not the recipient's fault (mailbox full, delay, sender policy, spam filter);
    /// suppresses only after <c>bounces.softBounceLimit</c> in a row.
    /// </summary>
    SoftBounce,
    /// <summary>The recipient reported the message as spam (an RFC 5965 feedback report); suppresses at once.</summary>
    Complaint,
}

/// <summary>Stored text of <see cref="BounceKind"/>: <c>hard</c>, <c>soft</c>, <c>complaint</c>, <c>not-bounce</c>.</summary>
public static class BounceKindText
{
    /// <summary>The stored text.</summary>
    public static string ToText(this BounceKind kind) => kind switch
    {
        BounceKind.HardBounce => "hard",
        BounceKind.SoftBounce => "soft",
        BounceKind.Complaint => "complaint",
        _ => "not-bounce",
    };

    /// <summary>Parses stored text (and the enum names, without regard to case).</summary>
    /// <exception cref="InvalidDataException">Unknown kind text: the database holds what this program never writes.</exception>
    public static BounceKind Parse(string text) => text.ToLowerInvariant() switch
    {
        "hard" or "hardbounce" => BounceKind.HardBounce,
        "soft" or "softbounce" => BounceKind.SoftBounce,
        "complaint" => BounceKind.Complaint,
        "not-bounce" or "notbounce" => BounceKind.NotBounce,
        _ => throw new InvalidDataException($"the database holds an unknown bounce kind '{text}'"),
    };
}
