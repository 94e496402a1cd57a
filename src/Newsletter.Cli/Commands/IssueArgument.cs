// Resolves an ISSUE argument (an issue file or a recorded slug) for the commands that control a send.
using Newsletter.Delivery;
using Newsletter.Configuration;

namespace Newsletter.Cli.Commands;

/// <summary>Turns <c>issues/2026-11-20-x.md</c> or <c>2026-11-20-x</c> into the recorded issue.</summary>
internal static class IssueArgument
{
    /// <summary>The record of the issue; a file that was never sent is parsed and recorded first.</summary>
    /// <exception cref="InputException">Neither a file nor a recorded slug.</exception>
    public static IssueRecord Resolve(Workspace workspace, string text)
    {
        var file = RunEnvironment.Current.FullPathOfArgument(text);
        if (File.Exists(file)) return workspace.Issues.Register(workspace.LoadIssue(file));
        var slug = Path.GetFileNameWithoutExtension(text);
        return workspace.Issues.FindBySlug(slug)
            ?? throw new InputException($"'{text}' is neither an issue file nor the slug of a recorded issue");
    }
}
