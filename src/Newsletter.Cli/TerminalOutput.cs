// How tables and progress bars reach standard output: styled on a terminal, plain text in a pipe, a file or a log.
using Spectre.Console;

namespace Newsletter.Cli;

/// <summary>
/// Settings for the Spectre.Console output every command writes tables through (<see cref="CliConsole.Styled"/>). Output that is not a terminal
/// (redirected to a file or a pipe, as under cron) gets no escape sequences at all, and neither colour nor styles when
/// the <c>NO_COLOR</c> environment variable is set to anything but an empty string (the no-color.org convention).
/// </summary>
internal static class TerminalOutput
{
    /// <summary>The environment variable that turns colour off (<c>https://no-color.org</c>).</summary>
    public const string NoColorVariable = "NO_COLOR";

    /// <summary>The console settings for an output that is or is not redirected, under the given <c>NO_COLOR</c> value.</summary>
    /// <param name="outputRedirected">Standard output is a file or a pipe, not a terminal.</param>
    /// <param name="noColor">The value of <c>NO_COLOR</c>, or null when it is not set.</param>
    /// <param name="output">Where to write; standard output when null.</param>
    public static AnsiConsoleSettings Settings(bool outputRedirected, string? noColor, TextWriter? output = null)
    {
        // Spectre decides on escape sequences from TERM and friends, not from whether the output is a terminal: a
        // table piped to a file would keep its colour codes.
        var settings = new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output ?? Console.Out) };
        if (outputRedirected)
        {
            settings.Ansi = AnsiSupport.No;
            settings.ColorSystem = ColorSystemSupport.NoColors;
            settings.Interactive = InteractionSupport.No;
        }
        else if (!string.IsNullOrEmpty(noColor))
        {
            // Escape sequences still move the cursor for a live progress bar; they just carry no colour or style.
            settings.ColorSystem = ColorSystemSupport.NoColors;
        }
        return settings;
    }

    /// <summary>Whether what is written to standard output lands on a terminal someone is watching.</summary>
    public static bool IsTerminal => !CliConsole.IsOutputRedirected && CliConsole.Styled.Profile.Capabilities.Interactive;
}
