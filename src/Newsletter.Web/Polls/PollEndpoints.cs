// Records a reader's rating when they click a poll option in the email.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newsletter.Polls;
using Newsletter.Web.Pages;

namespace Newsletter.Web.Polls;

/// <summary>Maps <c>GET /poll/{token}</c>.</summary>
public static class PollEndpoints
{
    /// <summary>Votes stop being accepted this long after the email was sent.</summary>
    public static readonly TimeSpan VoteWindow = TimeSpan.FromDays(180);

    /// <summary>Adds the poll endpoints.</summary>
    public static IEndpointRouteBuilder MapPolls(this IEndpointRouteBuilder app)
    {
        app.MapGet(PersonalLinks.VotePath + "{token}", (string token, Workspace workspace) => Vote(token, workspace));
        return app;
    }

    private static IResult Vote(string token, Workspace workspace)
    {
        if (!workspace.Tokens.TryVerify(token, LinkPurpose.Vote, VoteWindow, out var claims)) return Page.InvalidLink();
        var issue = workspace.Issues.FindById(claims.IssueId);
        var option = issue?.Poll?.Find(claims.Argument);
        if (issue is null || option is null || workspace.Subscribers.FindById(claims.SubscriberId) is null) return Page.InvalidLink();
        workspace.Votes.Record(issue.Id, claims.SubscriberId, option.Value);
        var others = string.Concat(issue.Poll!.Options.Select(o =>
            $"<a class=\"{(o.Value == option.Value ? "chosen" : "")}\" href=\"{Page.E(workspace.Links.Vote(issue.Id, claims.SubscriberId, o.Value))}\">{Page.E(o.Emoji)} {Page.E(o.Label)}</a>"));
        return Page.Html("Thank you for your rating!",
            $"<p>You rated <strong>{Page.E(issue.Title)}</strong>: <strong>{Page.E(option.Emoji)} {Page.E(option.Label)}</strong>.</p>" +
            $"<p>Changed your mind? Pick another:</p><p class=\"options\">{others}</p>");
    }
}
