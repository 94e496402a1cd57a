// Poll links: a GET shows a page that confirms the vote with a POST, so link scanners that fetch every option count for nothing.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Polls;
using Newsletter.Web.Pages;
using Newsletter.Signing;

namespace Newsletter.Web.Polls;

/// <summary>
/// Maps the poll endpoints. How a vote is told from a link scanner's fetch:
/// <list type="number">
/// <item><c>GET /poll/{token}</c> verifies the signed link (no database access) and answers a small page; it never
/// writes. The fetch is noted in the <see cref="ScannerGuard"/>.</item>
/// <item>The page's form POSTs back to the same URL with a <see cref="FormToken"/> stamped with the fetch time. Its
/// one inline script (allowed by CSP hash) submits at once, so the reader's single click in the email is enough;
/// without scripts a <c>noscript</c> note asks for one press of the button.</item>
/// <item><c>POST /poll/{token}</c> waits until <see cref="PollServices.Settle"/> after the fetch, then refuses the vote
/// as a scan if a page of another option of the same email was fetched in the guard's window: scanners open every
/// link of a new email within seconds, a reader opens one. A refused vote gets a page with a button; a pressed
/// button is always counted.</item>
/// <item>The vote goes through the <see cref="VoteWriter"/> and the thank-you page is sent only after its commit.</item>
/// </list>
/// A POST without a valid form token, or with a forged, altered, expired or other-purpose link token, writes nothing
/// and gets a 4xx. From the thank-you page, <c>POST /poll/{token}/change</c> (field <c>rating</c>) changes the vote and
/// <c>POST /poll/{token}/comment</c> stores the optional comment; our form token is their antiforgery.
/// </summary>
public static class PollEndpoints
{
    /// <summary>Votes stop being accepted this long after the email was sent.</summary>
    public static readonly TimeSpan VoteWindow = TimeSpan.FromDays(180);

    private static readonly FormKind[] VoteForms = [FormKind.PageVote, FormKind.PressedVote];
    private static readonly FormKind[] ThankYouForms = [FormKind.ThankYou];

    /// <summary>Adds the poll endpoints.</summary>
    public static IEndpointRouteBuilder MapPolls(this IEndpointRouteBuilder app)
    {
        app.MapGet(PersonalLinks.VotePath + "{token}", Show);
        app.MapPost(PersonalLinks.VotePath + "{token}", Vote).DisableAntiforgery();
        app.MapPost(PersonalLinks.VotePath + "{token}/change", Change).DisableAntiforgery();
        app.MapPost(PersonalLinks.VotePath + "{token}/comment", Comment).DisableAntiforgery();
        return app;
    }

    private static IResult Show(string token, Workspace workspace, PollServices polls)
    {
        if (IsTest(token, workspace)) return Page.TestLink();
        if (Resolve(token, workspace, polls) is not { } resolved) return Page.InvalidLink();
        var (claims, issue, option) = resolved;
        polls.Guard.PageFetched(issue.Id, claims.SubscriberId, option.Value);
        return PollPages.VotePage(issue, option, polls.Forms.Create(FormKind.PageVote, token));
    }

    private static async Task<IResult> Vote(string token, HttpRequest request, Workspace workspace, PollServices polls, CancellationToken cancellationToken)
    {
        if (IsTest(token, workspace)) return Page.TestLink();
        if (Resolve(token, workspace, polls) is not { } resolved) return Page.InvalidLink();
        var (claims, issue, option) = resolved;
        var form = await ReadFormAsync(request, cancellationToken);
        if (form is null) return Page.BadForm("The rating was not sent from its page.");
        if (!polls.Forms.TryVerify(form["form"], token, PollServices.VoteFormLifetime, VoteForms, out var kind, out var fetchedAt))
            return PollPages.ConfirmPage(issue, option, polls.Forms.Create(FormKind.PressedVote, token),
                "This page has expired, so your rating was not recorded yet.");
        if (kind == FormKind.PageVote)
        {
            var wait = fetchedAt + PollServices.Settle - workspace.Clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, workspace.Clock, cancellationToken);
            if (polls.Guard.LooksScanned(issue.Id, claims.SubscriberId, option.Value, fetchedAt))
                return PollPages.ConfirmPage(issue, option, polls.Forms.Create(FormKind.PressedVote, token),
                    "Your email's security service opened every option of this poll, so we ask you to confirm.");
        }
        return await RecordAsync(token, claims, issue, option.Value, workspace, polls, cancellationToken);
    }

    // "Changed your mind?" on the thank-you page: the reader pressed another option's button.
    private static async Task<IResult> Change(string token, HttpRequest request, Workspace workspace, PollServices polls, CancellationToken cancellationToken)
    {
        if (IsTest(token, workspace)) return Page.TestLink();
        if (Resolve(token, workspace, polls) is not { } resolved) return Page.InvalidLink();
        var (claims, issue, _) = resolved;
        var form = await ReadFormAsync(request, cancellationToken);
        if (form is null || !polls.Forms.TryVerify(form["form"], token, PollServices.ThankYouFormLifetime, ThankYouForms, out _, out _))
            return Page.BadForm("This page has expired or the form was not sent from it. Please use the poll link in the email again.");
        if (!int.TryParse(form["rating"], out var rating) || issue.Poll!.Find(rating) is null)
            return Page.BadForm("That is not one of this poll's options. Nothing was changed.");
        return await RecordAsync(token, claims, issue, rating, workspace, polls, cancellationToken);
    }

    private static async Task<IResult> Comment(string token, HttpRequest request, Workspace workspace, PollServices polls, CancellationToken cancellationToken)
    {
        if (IsTest(token, workspace)) return Page.TestLink();
        if (Resolve(token, workspace, polls) is not { } resolved) return Page.InvalidLink();
        var (claims, issue, _) = resolved;
        var form = await ReadFormAsync(request, cancellationToken);
        if (form is null || !polls.Forms.TryVerify(form["form"], token, PollServices.ThankYouFormLifetime, ThankYouForms, out _, out _))
            return Page.BadForm("This comment form has expired or was not sent from its page. Please open the poll link in the email again.");
        var text = form["comment"].ToString();
        if (text.Trim().Length > VoteStore.MaxCommentLength)
            return Page.BadForm($"A comment holds at most {VoteStore.MaxCommentLength} characters; yours has {text.Trim().Length}. Nothing was saved.");
        if (!workspace.Votes.SaveComment(issue.Id, claims.SubscriberId, text))
            return Page.Html("Rate first", "<p>Please pick a rating in the email first; the comment goes with it.</p>", StatusCodes.Status409Conflict);
        var current = workspace.Votes.Find(issue.Id, claims.SubscriberId)!;
        var name = workspace.Subscribers.FindById(claims.SubscriberId)?.FirstName;
        return PollPages.ThankYou(new ThankYouModel(issue, current.Rating, token, current.Comment, polls.Forms.Create(FormKind.ThankYou, token), name,
            string.IsNullOrWhiteSpace(text) ? "Your comment was removed." : "Thank you, your comment was saved."));
    }

    // Writes through the group-committing writer; the thank-you page goes out only after the commit.
    private static async Task<IResult> RecordAsync(string token, LinkClaims claims, IssueRecord issue, int rating, Workspace workspace,
        PollServices polls, CancellationToken cancellationToken)
    {
        VoteReceipt receipt;
        try
        {
            receipt = await polls.Writer.RecordAsync(issue.Id, claims.SubscriberId, rating, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or System.Threading.Channels.ChannelClosedException)
        {
            // Not committed, so not acknowledged: the reader is told to try again rather than thanked.
            return Page.Html("Please try again", "<p>Your rating could not be saved just now. Please use the link again in a minute.</p>",
                StatusCodes.Status503ServiceUnavailable);
        }
        if (!receipt.Recorded) return Page.InvalidLink();
        return PollPages.ThankYou(new ThankYouModel(issue, rating, token, receipt.Comment, polls.Forms.Create(FormKind.ThankYou, token), receipt.FirstName));
    }

    // A test send's links carry subscriber 0: answered, so the editor sees them work, and never counted.
    private static bool IsTest(string token, Workspace workspace) =>
        workspace.Tokens.TryVerify(token, LinkPurpose.Vote, VoteWindow, out var claims) && claims.IsTest;

    // The link's own checks: signature, purpose, age, a known issue with a poll holding the option.
    private static (LinkClaims Claims, IssueRecord Issue, PollOption Option)? Resolve(string token, Workspace workspace, PollServices polls)
    {
        if (!workspace.Tokens.TryVerify(token, LinkPurpose.Vote, VoteWindow, out var claims)) return null;
        if (polls.Issue(claims.IssueId) is not { } issue) return null;
        return issue.Poll?.Find(claims.Argument) is { } option ? (claims, issue, option) : null;
    }

    private static async Task<IFormCollection?> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return null;
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
