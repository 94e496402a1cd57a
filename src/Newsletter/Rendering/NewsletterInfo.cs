// The newsletter-wide facts templates show: name, postal address, home URL.
namespace Newsletter.Rendering;

/// <summary>Newsletter-wide values, exposed to templates as <c>newsletter.name</c>, <c>newsletter.postal_address</c>, <c>newsletter.url</c>.</summary>
/// <param name="Name">Display name.</param>
/// <param name="PostalAddress">Sender's postal address (CAN-SPAM).</param>
/// <param name="Url">Public home page (the archive index).</param>
/// <param name="Language">BCP 47 language tag, <c>newsletter.language</c>.</param>
public sealed record NewsletterInfo(string Name, string PostalAddress, string Url, string Language = "en");
