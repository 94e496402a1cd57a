// What a vote link points at, found once per request by the poll group's link filter.
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Signing;

namespace Newsletter.Web.Polls;

/// <summary>A recorded issue whose poll holds the option a vote link names.</summary>
/// <param name="Issue">The issue voted on.</param>
/// <param name="Option">The option of the link (its claims' argument).</param>
public sealed record VoteTarget(IssueRecord Issue, PollOption Option)
{
    /// <summary>The target of verified vote <paramref name="claims"/>, or null when the issue or its option is unknown.</summary>
    /// <param name="claims">Verified claims of a <see cref="LinkPurpose.Vote"/> link.</param>
    /// <param name="services">The request's services, holding <see cref="PollServices"/> (its issue cache spares the database a read).</param>
    public static VoteTarget? Find(LinkClaims claims, IServiceProvider services) =>
        services.GetRequiredService<PollServices>().Issue(claims.IssueId) is { } issue && issue.Poll?.Find(claims.Argument) is { } option
            ? new VoteTarget(issue, option)
            : null;
}
