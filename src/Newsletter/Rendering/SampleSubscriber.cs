// A stand-in subscriber for previews and pre-send checks when the list is empty.
using Newsletter.Audience;

namespace Newsletter.Rendering;

/// <summary>The subscriber used when rendering without a real one (<c>render</c> without <c>--subscriber</c>).</summary>
public static class SampleSubscriber
{
    /// <summary>Ada Lovelace at example.com, id 0, no custom fields.</summary>
    public static Subscriber Instance { get; } = new(0, "ada@example.com", "Ada Lovelace", new Dictionary<string, string>(), SubscriberStatus.Active);
}
