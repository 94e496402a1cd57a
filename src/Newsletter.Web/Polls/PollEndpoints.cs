// Poll links: a GET shows a page that confirms the vote with a POST, so link scanners that fetch every option count for nothing.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newsletter.Audience;
using Newsletter.Polls;
using Newsletter.Signing;
using Newsletter.Web.Links;
using Newsletter.Web.Pages;

namespace Newsletter.Web.Polls;

/// <summary>
/// Maps the poll endpoints. How a vote is told from a link scanner's fetch:
/// <list type="number">
/// <item><c>GET /poll/{token}</c> verifies the signed link (no database read) and answers a small page; it never
/// writes votes. The fetch is noted in the scanner guard (<see cref="PollServices.Guard"/>); when the guard cannot note
/// it (a shared database out of reach) the answer is 503 with a page asking to try again.</item>
/// <item>The page's form POSTs back to the same URL with a <see cref="FormToken"/> stamped with the fetch time. Its
/// one inline script (allowed by CSP hash) submits at once, so the reader's single click in the email is enough;
/// without scripts a <c>noscript</c> note asks for one press of the button.</item>
/// <item><c>POST /poll/{token}</c> waits until <see cref="PollServices.Settle"/> after the fetch, then refuses the vote
/// as a scan if a page of another option of the same email was fetched in the guard's window: scanners open every
/// link of a new email within seconds, a reader opens one. A refused vote gets a page with a button; a pressed
/// button is always counted.</item>
/// <item>The vote goes through the <see cref="VoteWriter"/> and the thank-you page is sent only after its commit.</item>
/// </list>
/// Every route of the group carries the link token; <see cref="SignedLinkFilter{TTarget}"/> checks it and finds its
/// <see cref="VoteTarget"/> before a handler runs. A POST without a valid form token, or with a forged, altered, expired
/// or other-purpose link token, writes nothing and gets a 4xx. From the thank-you page,
/// <c>POST /poll/{token}/change</c> (field <c>rating</c>) changes the vote and <c>POST /poll/{token}/comment</c> stores
/// the optional comment; our form token is their antiforgery.
/// </summary>
public static class PollEndpoints
{
    /// <summary>Votes stop being accepted this long after the email was sent.</summary>
    public static readonly TimeSpan VoteWindow = TimeSpan.FromDays(180);

    private static readonly FormKind[] VoteForms = [FormKind.PageVote, FormKind.PressedVote];
    private static readonly FormKind[] ThankYouForms = [FormKind.ThankYou];

    /// <summary>Adds the poll endpoints under <c>/poll/{token}</c>.</summary>
    public static IEndpointRouteBuilder MapPolls(this IEndpointRouteBuilder app)
    {
        // Our form token is the antiforgery of every POST here.
        var polls = app.MapGroup(PersonalLinks.VotePath.TrimEnd('/'))
            .AddEndpointFilter(new SignedLinkFilter<VoteTarget>(LinkPurpose.Vote, VoteWindow, VoteTarget.Find))
            .DisableAntiforgery();
        polls.MapGet("/{token}", Show);
        polls.MapPost("/{token}", Vote);
        polls.MapPost("/{token}/change", Change);
        polls.MapPost("/{token}/comment", Comment);
        return app;
    }

    private static async Task<PageResult> Show(HttpContext context, PollServices polls, FormToken forms, CancellationToken cancellationToken)
    {
        var link = SignedLink<VoteTarget>.Of(context);
        var (issue, option) = link.Target;
        try
        {
            await polls.Guard.PageFetchedAsync(issue.Id, link.Claims.SubscriberId, option.Value, cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            // A fetch the guard cannot note would let a scan through as a vote, and the vote could not be saved either.
            return TryAgain();
        }
        return PollPages.VotePage(issue, option, forms.Create(FormKind.PageVote, link.Token));
    }

    private static async Task<PageResult> Vote(HttpContext context, PollServices polls, FormToken forms, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var link = SignedLink<VoteTarget>.Of(context);
        var (issue, option) = link.Target;
        var form = await ReadFormAsync(context.Request, cancellationToken);
        if (form is null) return Page.BadForm("The rating was not sent from its page.");
        if (!forms.TryVerify(form["form"], link.Token, PollServices.VoteFormLifetime, VoteForms, out var kind, out var fetchedAt))
            return PollPages.ConfirmPage(issue, option, forms.Create(FormKind.PressedVote, link.Token),
                "This page has expired, so your rating was not recorded yet.");
        if (kind == FormKind.PageVote)
        {
            var wait = fetchedAt + PollServices.Settle - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
            bool scanned;
            try
            {
                scanned = await polls.Guard.LooksScannedAsync(issue.Id, link.Claims.SubscriberId, option.Value, fetchedAt, cancellationToken);
            }
            catch (System.Data.Common.DbException)
            {
                return TryAgain();
            }
            if (scanned)
                return PollPages.ConfirmPage(issue, option, forms.Create(FormKind.PressedVote, link.Token),
                    "Your email's security service opened every option of this poll, so we ask you to confirm.");
        }
        return await RecordAsync(link, option.Value, polls, forms, cancellationToken);
    }

    // "Changed your mind?" on the thank-you page: the reader pressed another option's button.
    private static async Task<PageResult> Change(HttpContext context, PollServices polls, FormToken forms, CancellationToken cancellationToken)
    {
        var link = SignedLink<VoteTarget>.Of(context);
        var form = await ReadFormAsync(context.Request, cancellationToken);
        if (form is null || !forms.TryVerify(form["form"], link.Token, PollServices.ThankYouFormLifetime, ThankYouForms, out _, out _))
            return Page.BadForm("This page has expired or the form was not sent from it. Please use the poll link in the email again.");
        if (!int.TryParse(form["rating"], out var rating) || link.Target.Issue.Poll!.Find(rating) is null)
            return Page.BadForm("That is not one of this poll's options. Nothing was changed.");
        return await RecordAsync(link, rating, polls, forms, cancellationToken);
    }

    private static async Task<PageResult> Comment(HttpContext context, FormToken forms, VoteStore votes, SubscriberStore subscribers,
        CancellationToken cancellationToken)
    {
        var link = SignedLink<VoteTarget>.Of(context);
        var (issue, subscriberId) = (link.Target.Issue, link.Claims.SubscriberId);
        var form = await ReadFormAsync(context.Request, cancellationToken);
        if (form is null || !forms.TryVerify(form["form"], link.Token, PollServices.ThankYouFormLifetime, ThankYouForms, out _, out _))
            return Page.BadForm("This comment form has expired or was not sent from its page. Please open the poll link in the email again.");
        var text = form["comment"].ToString();
        if (text.Trim().Length > VoteStore.MaxCommentLength)
            return Page.BadForm($"A comment holds at most {VoteStore.MaxCommentLength} characters; yours has {text.Trim().Length}. Nothing was saved.");
        if (!votes.SaveComment(issue.Id, subscriberId, text))
            return Page.Html("Rate first", "<p>Please pick a rating in the email first; the comment goes with it.</p>", StatusCodes.Status409Conflict);
        var current = votes.Find(issue.Id, subscriberId)!;
        var name = subscribers.FindById(subscriberId)?.FirstName;
        return PollPages.ThankYou(new ThankYouModel(issue, current.Rating, link.Token, current.Comment, forms.Create(FormKind.ThankYou, link.Token), name,
            string.IsNullOrWhiteSpace(text) ? "Your comment was removed." : "Thank you, your comment was saved."));
    }

    // Writes through the group-committing writer; the thank-you page goes out only after the commit.
    private static async Task<PageResult> RecordAsync(SignedLink<VoteTarget> link, int rating, PollServices polls, FormToken forms,
        CancellationToken cancellationToken)
    {
        var issue = link.Target.Issue;
        VoteReceipt receipt;
        try
        {
            receipt = await polls.Writer.RecordAsync(issue.Id, link.Claims.SubscriberId, rating, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or System.Threading.Channels.ChannelClosedException)
        {
            // Not committed, so not acknowledged: the reader is told to try again rather than thanked.
            return TryAgain();
        }
        if (!receipt.Recorded) return Page.InvalidLink();
        return PollPages.ThankYou(new ThankYouModel(issue, rating, link.Token, receipt.Comment, forms.Create(FormKind.ThankYou, link.Token), receipt.FirstName));
    }

    private static PageResult TryAgain() =>
        Page.Html("Please try again", "<p>Your rating could not be saved just now. Please use the link again in a minute.</p>",
            StatusCodes.Status503ServiceUnavailable);

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
