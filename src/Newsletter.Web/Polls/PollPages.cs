// The HTML of the poll pages: the vote page that confirms a click, the thank-you page, and the fallback page.
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Polls;
using Newsletter.Web.Pages;
using Newsletter.Signing;

namespace Newsletter.Web.Polls;

/// <summary>Renders the poll pages. Every value from the database or the reader is HTML-encoded.</summary>
public static class PollPages
{
    /// <summary>The vote page's only script: it submits the vote form as soon as the page is parsed.</summary>
    public const string AutoSubmitScript = "document.getElementById('vote').submit();";

    /// <summary>The CSP source that allows exactly <see cref="AutoSubmitScript"/> (CSP Level 3 hash source).</summary>
    public static readonly string AutoSubmitScriptSource =
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(AutoSubmitScript)))}'";

    /// <summary>
    /// The page a poll link opens. It records nothing itself: its form POSTs back to the same link with a form token
    /// saying when the page was served. A browser submits it at once through the script; without scripts the reader
    /// presses the button. Link scanners that only GET never post; those that run scripts are caught by the guard.
    /// </summary>
    public static PageResult VotePage(IssueRecord issue, PollOption option, string formToken) => Page.Html("Recording your rating…",
        $"<p>Your rating of <strong>{Page.E(issue.Title)}</strong>: <strong>{Page.E(option.Emoji)} {Page.E(option.Label)}</strong></p>" +
        $"<form id=\"vote\" method=\"post\"><input type=\"hidden\" name=\"form\" value=\"{Page.E(formToken)}\">" +
        "<noscript><p>Press the button to record it.</p></noscript>" +
        "<button type=\"submit\">Record my rating</button></form>" +
        $"<script>{AutoSubmitScript}</script>");

    /// <summary>
    /// Shown instead of recording when the vote looks like a link scanner's, or the page has expired: the reader
    /// presses one button (a pressed vote is never taken for a scan).
    /// </summary>
    public static PageResult ConfirmPage(IssueRecord issue, PollOption option, string formToken, string reason) => Page.Html("Please confirm your rating",
        $"<p>{Page.E(reason)}</p>" +
        $"<p>Your rating of <strong>{Page.E(issue.Title)}</strong>: <strong>{Page.E(option.Emoji)} {Page.E(option.Label)}</strong></p>" +
        $"<form method=\"post\"><input type=\"hidden\" name=\"form\" value=\"{Page.E(formToken)}\">" +
        "<button type=\"submit\">Record my rating</button></form>", StatusCodes.Status202Accepted);

    /// <summary>
    /// The thank-you page: the recorded choice, buttons to change it and the optional comment form, all posting
    /// under the reader's own link with one thank-you form token.
    /// </summary>
    public static PageResult ThankYou(ThankYouModel model, int statusCode = StatusCodes.Status200OK)
    {
        var poll = model.Issue.Poll!;
        var chosen = poll.Find(model.Rating)!;
        var form = $"<input type=\"hidden\" name=\"form\" value=\"{Page.E(model.Form)}\">";
        var others = new StringBuilder();
        foreach (var other in poll.Options.Where(o => o.Value != model.Rating))
            others.Append($"<form method=\"post\" action=\"{Page.E(PersonalLinks.VotePath + model.LinkToken + "/change")}\">{form}")
                .Append($"<input type=\"hidden\" name=\"rating\" value=\"{other.Value}\">")
                .Append($"<button type=\"submit\">{Page.E(other.Emoji)} {Page.E(other.Label)}</button></form>");
        var notice = model.Notice is null ? "" : $"<p class=\"notice\">{Page.E(model.Notice)}</p>";
        var saved = string.IsNullOrEmpty(model.Comment) ? "" : $"<p>Your comment:</p><blockquote class=\"comment\">{Page.E(model.Comment)}</blockquote>";
        var first = string.IsNullOrWhiteSpace(model.FirstName) ? null : model.FirstName.Trim();
        return Page.Html(first is null ? "Thank you for your rating!" : $"Thank you for your rating, {first}!",
            $"<p>You rated <strong>{Page.E(model.Issue.Title)}</strong>: <strong>{Page.E(chosen.Emoji)} {Page.E(chosen.Label)}</strong>.</p>" +
            $"<p>Changed your mind? Pick another:</p><div class=\"options\">{others}</div>" + notice + saved +
            $"<form method=\"post\" action=\"{Page.E(PersonalLinks.VotePath + model.LinkToken + "/comment")}\">{form}" +
            $"<p><label for=\"comment\">Anything to add? (optional, up to {VoteStore.MaxCommentLength} characters)</label></p>" +
            $"<p><textarea id=\"comment\" name=\"comment\" rows=\"4\" cols=\"60\" maxlength=\"{VoteStore.MaxCommentLength}\">{Page.E(model.Comment)}</textarea></p>" +
            "<p><button type=\"submit\">Send comment</button></p></form>", statusCode);
    }
}

/// <summary>What the thank-you page shows.</summary>
/// <param name="Issue">The issue voted on.</param>
/// <param name="Rating">The recorded rating.</param>
/// <param name="LinkToken">The reader's vote link token (the page's forms post under it).</param>
/// <param name="Comment">The stored comment, or null.</param>
/// <param name="Form">The thank-you form token of the page's forms.</param>
/// <param name="FirstName">The name the reader is greeted by (<see cref="Newsletter.Audience.Subscriber.FirstName"/>), or null.</param>
/// <param name="Notice">A message above the comment form (e.g. "Comment saved"), or null.</param>
public sealed record ThankYouModel(IssueRecord Issue, int Rating, string LinkToken, string? Comment, string Form, string? FirstName, string? Notice = null);
