// A mistake in a value a person gave outside any file: an argument, a setting's value, an address.
namespace Newsletter;

/// <summary>
/// Bad input without a line and column to point at: a command-line argument (a <c>--test</c> address, a time, an
/// issue that is not recorded), a setting's value (<c>from</c>, <c>bounceAddress</c>, <c>bounces.mailbox</c>), an
/// address or a name. The message is the reason alone and says what would be right; <c>newsletter</c> prints it and
/// exits with code 1, as for every <see cref="NewsletterException"/>.
/// </summary>
public sealed class InputException : NewsletterException
{
    /// <summary>Creates the error; <paramref name="reason"/> is the whole message.</summary>
    /// <param name="reason">What is wrong, naming the value, e.g. <c>--at 'soon' is not a time; write it like 2026-11-23T08:00</c>.</param>
    /// <param name="inner">The error that revealed it, if any (a parser's own exception).</param>
    public InputException(string reason, Exception? inner = null)
        : base(reason, inner)
    {
    }
}
