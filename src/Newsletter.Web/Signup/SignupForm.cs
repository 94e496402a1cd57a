// The sign-up form's markup, shared by the subscribe page and the archive index.
using Newsletter.Web.Pages;

namespace Newsletter.Web.Signup;

/// <summary>
/// The fields <c>POST /subscribe</c> reads (see <see cref="SignupEndpoints"/>): <c>email</c>, optional <c>name</c>
/// and the honeypot. The honeypot sits off-screen rather than <c>display:none</c>, which some bots detect; people
/// using screen readers are told to skip it.
/// </summary>
public static class SignupForm
{
    /// <summary>The form, posting to <paramref name="action"/> (an absolute URL or <see cref="SignupEndpoints.FormPath"/>).</summary>
    /// <param name="action">Where the form posts.</param>
    /// <param name="withName">Whether to ask for the optional name.</param>
    public static string Html(string action, bool withName = true) => $"""
        <form method="post" action="{Page.E(action)}">
        <p><label>Email<br><input type="email" name="email" required autocomplete="email"></label></p>
        {(withName ? "<p><label>Name (optional)<br><input type=\"text\" name=\"name\" autocomplete=\"name\"></label></p>" : "")}
        <p style="position:absolute;left:-10000px" aria-hidden="true"><label>Leave this empty<input type="text" name="{SignupEndpoints.Honeypot}" tabindex="-1" autocomplete="off"></label></p>
        <p><button type="submit" class="primary">Subscribe</button></p>
        </form>
        """;
}
