// Where an unsubscribe came from, as stored in the `unsubscribes` table.
namespace Newsletter.Audience;

/// <summary>How a subscriber left the list.</summary>
public enum UnsubscribeSource
{
    /// <summary>The button on the page the footer link opens.</summary>
    Link,
    /// <summary>The mail client's one-click unsubscribe: a <c>List-Unsubscribe-Post</c> request (RFC 8058 §3.2).</summary>
    OneClick,
    /// <summary><c>newsletter subscribers remove</c>.</summary>
    Cli,
}

/// <summary>The stored spelling of <see cref="UnsubscribeSource"/>: <c>link</c>, <c>one-click</c>, <c>cli</c>.</summary>
public static class UnsubscribeSourceText
{
    /// <summary>The stored text of <paramref name="source"/>.</summary>
    public static string ToText(this UnsubscribeSource source) => source switch
    {
        UnsubscribeSource.Link => "link",
        UnsubscribeSource.OneClick => "one-click",
        _ => "cli",
    };
}
