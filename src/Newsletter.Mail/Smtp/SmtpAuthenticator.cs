// SMTP AUTH with the PLAIN and LOGIN mechanisms.
using System.Text;

namespace Newsletter.Mail.Smtp;

/// <summary>
/// Client side of RFC 4954 AUTH. PLAIN (RFC 4616) is preferred, sent with an initial response; LOGIN (the
/// widely deployed draft mechanism) is the fallback. Credentials never appear in exception messages.
/// </summary>
internal static class SmtpAuthenticator
{
    /// <exception cref="SmtpException">NotSupported, AuthenticationFailed, TransientReply or a transport failure.</exception>
    public static async Task AuthenticateAsync(SmtpChannel channel, SmtpCapabilities capabilities, string userName, string password, CancellationToken ct)
    {
        SmtpReply reply;
        if (capabilities.AuthMechanisms.Contains("PLAIN"))
        {
            string token = Base64("\0" + userName + "\0" + password);
            reply = await channel.CommandAsync("AUTH PLAIN " + token, ct).ConfigureAwait(false);

            // A server that does not take initial responses asks with an empty 334 challenge.
            if (reply.Code == 334)
            {
                reply = await channel.CommandAsync(token, ct).ConfigureAwait(false);
            }
        }
        else if (capabilities.AuthMechanisms.Contains("LOGIN"))
        {
            reply = await channel.CommandAsync("AUTH LOGIN", ct).ConfigureAwait(false);
            if (reply.Code == 334)
            {
                reply = await channel.CommandAsync(Base64(userName), ct).ConfigureAwait(false);
            }

            if (reply.Code == 334)
            {
                reply = await channel.CommandAsync(Base64(password), ct).ConfigureAwait(false);
            }
        }
        else
        {
            string offered = capabilities.AuthMechanisms.Count == 0 ? "none" : string.Join(", ", capabilities.AuthMechanisms);
            throw new SmtpException(SmtpErrorKind.NotSupported, $"The server offers no supported AUTH mechanism (PLAIN, LOGIN); offered: {offered}.");
        }

        if (reply.Code == 334)
        {
            // An unexpected further challenge: cancel the exchange as RFC 4954 §4 allows, then fail.
            await channel.CommandAsync("*", ct).ConfigureAwait(false);
            throw new SmtpException(SmtpErrorKind.ProtocolError, "The server sent an unexpected AUTH challenge.", reply);
        }

        if (!reply.IsSuccess)
        {
            if (reply.IsTransient)
            {
                throw SmtpException.FromReply("AUTH", reply);
            }

            throw new SmtpException(SmtpErrorKind.AuthenticationFailed, $"Authentication failed: {reply}", reply);
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
