// The last question before an interactive send: the list is about to get mail that cannot be taken back.
namespace Newsletter.Cli.Commands;

/// <summary>
/// Asks "Send 'TITLE' to N subscribers? [y/N]" before <c>send ISSUE</c>, but only when a person can answer: standard
/// input and standard output both terminals. Under cron, a pipe or <c>--yes</c> nothing is asked. Only <c>y</c> or
/// <c>yes</c> (any case) sends; anything else, an empty line or the end of input cancels.
/// </summary>
/// <param name="interactive">Whether someone at a terminal can see and answer the question.</param>
/// <param name="input">Where the answer is read.</param>
/// <param name="output">Where the question is written.</param>
internal sealed class SendConfirmation(Func<bool> interactive, TextReader input, TextWriter output)
{
    /// <summary>The confirmation commands use; tests replace it to play the person at the terminal, and set null to go back.</summary>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public static SendConfirmation Current
    {
        // Built per use: the run's output (CliConsole) is known only once a command runs.
        get => _replaced ?? new(() => !Console.IsInputRedirected && !CliConsole.IsOutputRedirected, Console.In, CliConsole.Out);
        set => _replaced = value;
    }

    private static SendConfirmation? _replaced;

    /// <summary>The message of a send the person declined.</summary>
    public const string Cancelled = "cancelled: nothing was sent and nothing recorded";

    /// <summary>The question, e.g. <c>Send 'Build Notes #12' to 1,006 subscribers? [y/N] </c>.</summary>
    public static string Question(string title, long count) =>
        $"Send '{title}' to {count:N0} subscriber{(count == 1 ? "" : "s")}? [y/N] ";

    /// <summary>Whether the send may go: true without asking when <paramref name="yes"/> is set or nobody is at a terminal.</summary>
    /// <param name="title">The issue's title, shown in the question.</param>
    /// <param name="count">How many subscribers would get it now.</param>
    /// <param name="yes"><c>--yes</c> was given.</param>
    public bool Confirm(string title, long count, bool yes)
    {
        if (yes || count == 0 || !interactive()) return true;
        output.Write(Question(title, count));
        output.Flush();
        return input.ReadLine()?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
