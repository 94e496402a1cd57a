// What sign-up needs from sending: the confirmation email goes out through Delivery, which Audience may not use.
namespace Newsletter.Audience.Signup;

/// <summary>Sends the double opt-in email of a sign-up (implemented by <c>Delivery.Signup.ConfirmationMailer</c>).</summary>
public interface IConfirmationSender
{
    /// <summary>Renders and sends the confirmation email to <paramref name="email"/>, whose link is <paramref name="confirmUrl"/>.</summary>
    /// <param name="email">The normalised address.</param>
    /// <param name="name">The name given, or null.</param>
    /// <param name="confirmUrl">The absolute confirmation link with its signed token.</param>
    /// <param name="cancellationToken">Stops the send.</param>
    /// <exception cref="NewsletterException">A confirmation template is missing or has a Liquid error.</exception>
    Task SendConfirmationAsync(string email, string? name, string confirmUrl, CancellationToken cancellationToken);
}
