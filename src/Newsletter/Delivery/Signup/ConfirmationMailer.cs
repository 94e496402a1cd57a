// Renders and sends the double opt-in email from templates/confirm.html.liquid and confirm.txt.liquid.
using Newsletter.Audience.Signup;
using Newsletter.Liquid;
using MimeKit;
using Newsletter.Delivery.Messages;
using Newsletter.Delivery.Transports;
using Newsletter.Rendering;

namespace Newsletter.Delivery.Signup;

/// <summary>
/// The confirmation email: the layouts <c>confirm.html.liquid</c> and <c>confirm.txt.liquid</c> of the templates
/// folder see <c>newsletter</c> (name, url, postal_address, language, design), <c>subscriber</c> (email, name) and
/// <c>confirm_url</c>. Sent through the configured transport with Message-ID <c>confirm.RANDOM@DOMAIN</c>
/// (RFC 5322 §3.6.4), so an outbox keeps them in <c>outbox/confirm/</c>.
/// </summary>
public sealed class ConfirmationMailer(TemplateFolder templates, NewsletterInfo newsletter, Func<MessageComposer> composer,
    Func<IDeliveryTransport> transport) : IConfirmationSender
{
    /// <summary>The layout name of the confirmation email.</summary>
    public const string Layout = "confirm";

    /// <summary>Renders and sends the email; returns the transport's result.</summary>
    /// <exception cref="NewsletterException">A confirmation template is missing or has a Liquid error.</exception>
    public async Task<TransportResult> SendAsync(string email, string? name, string confirmUrl, CancellationToken cancellationToken)
    {
        var model = new Dictionary<string, object?>
        {
            ["newsletter"] = newsletter.ToTemplateValues(),
            ["subscriber"] = new Dictionary<string, object?> { ["email"] = email, ["name"] = name ?? "" },
            ["confirm_url"] = confirmUrl,
        };
        var from = composer();
        var message = from.ComposeTransactional(new MailboxAddress(null, email), $"Please confirm your subscription to {newsletter.Name}",
            Render(templates.Layout(Layout, "txt"), model), Render(templates.Layout(Layout, "html"), model),
            $"confirm.{Guid.NewGuid():N}@{from.Domain}");
        await using var sender = transport();
        return await sender.SendAsync(from.EnvelopeFrom, email, message, cancellationToken);
    }

    /// <inheritdoc/>
    async Task IConfirmationSender.SendConfirmationAsync(string email, string? name, string confirmUrl, CancellationToken cancellationToken) =>
        await SendAsync(email, name, confirmUrl, cancellationToken);

    private static string Render(TemplateSource source, Dictionary<string, object?> model)
    {
        try
        {
            return LiquidTemplate.Parse(source.Text, source.Name).Render(model);
        }
        catch (LiquidException e)
        {
            throw new NewsletterException(new SourcePosition(e.TemplateName, e.Line, e.Column, e.SourceLine), e.Reason, e);
        }
    }
}
