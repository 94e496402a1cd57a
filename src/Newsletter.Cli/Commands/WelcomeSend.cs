// Sends the welcome deliveries waiting in the ledger, for `send --due`, `send WELCOME.md` and `subscribers add/import --welcome`.
using Newsletter.Authoring;
using Newsletter.Delivery;

namespace Newsletter.Cli.Commands;

/// <summary>
/// Sends what <see cref="WelcomeQueue"/> queued for the welcome issue. Every caller goes through the ledger, so
/// a subscriber queued twice, or a command run twice, still gets one welcome.
/// </summary>
internal static class WelcomeSend
{
    /// <summary>Why a welcome issue is not sent to the whole list, shown by <c>send WELCOME.md</c>.</summary>
    public static string PerSubscriber(Issue welcome) =>
        $"'{welcome.Slug}' is the welcome issue (welcome: true): it goes to each subscriber once, right after they confirm " +
        "or are added with --welcome, never to the whole list";

    /// <summary>The error when <c>--welcome</c> is given but no issue file is a welcome issue.</summary>
    public static string NoWelcomeIssue(string issuesFolder) =>
        $"--welcome: no issue in {issuesFolder} says 'welcome: true'; nothing was changed";

    /// <summary>Sends the welcome deliveries waiting, if any; returns the exit code (Ok when none waits).</summary>
    public static async Task<int> SendWaitingAsync(Workspace workspace, string configPath, Issue welcome, CancellationToken cancellationToken,
        bool force)
    {
        var waiting = workspace.Welcome.Waiting(welcome);
        if (waiting == 0)
        {
            CliConsole.Out.WriteLine($"No welcome is waiting to be sent ('{welcome.Slug}').");
            return ExitCodes.Ok;
        }
        return await SendCommand.SendOneAsync(workspace, configPath, null, welcome, cancellationToken, force: force);
    }
}
