// The newsletter-wide facts templates show: name, postal address, home URL, design.
namespace Newsletter.Rendering;

/// <summary>
/// Newsletter-wide values, exposed to templates as <c>newsletter.name</c>, <c>newsletter.postal_address</c>,
/// <c>newsletter.url</c>, <c>newsletter.language</c> and <c>newsletter.design</c> (see <see cref="DesignInfo"/>).
/// </summary>
/// <param name="Name">Display name.</param>
/// <param name="PostalAddress">Sender's postal address (CAN-SPAM).</param>
/// <param name="Url">Public home page (the archive index).</param>
/// <param name="Language">BCP 47 language tag, <c>newsletter.language</c>.</param>
/// <param name="Design">Logo, accent and footer; <see cref="DesignInfo.Default"/> when null.</param>
public sealed record NewsletterInfo(string Name, string PostalAddress, string Url, string Language = "en", DesignInfo? Design = null)
{
    /// <summary>The design in force.</summary>
    public DesignInfo DesignOrDefault => Design ?? DesignInfo.Default;

    /// <summary>The values as a template sees them under <c>newsletter</c>.</summary>
    public Dictionary<string, object?> ToTemplateValues() => new()
    {
        ["name"] = Name,
        ["postal_address"] = PostalAddress,
        ["url"] = Url,
        ["language"] = Language,
        ["design"] = DesignOrDefault.ToTemplateValues(),
    };
}
