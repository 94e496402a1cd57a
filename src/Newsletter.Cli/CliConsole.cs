// Where one run of the command writes and reads: the process's console, or what a host gave an in-process run.
using Spectre.Console;

namespace Newsletter.Cli;

/// <summary>
/// Standard output, error and input of the run on this async flow. Commands write through it rather than through
/// <see cref="Console"/>, so runs that share a process (the integration tests) each keep their own.
/// </summary>
internal static class CliConsole
{
    private static readonly AsyncLocal<Streams?> CurrentRun = new();
    private static readonly Lazy<Streams> Process = new(() => new Streams(
        Console.Out, Console.Error, Console.OpenStandardInput, Console.OpenStandardOutput, Console.IsOutputRedirected,
        Environment.GetEnvironmentVariable(TerminalOutput.NoColorVariable)));

    private static Streams Current => CurrentRun.Value ?? Process.Value;

    /// <summary>Standard output.</summary>
    public static TextWriter Out => Current.Output;

    /// <summary>Standard error.</summary>
    public static TextWriter Error => Current.Error;

    /// <summary>Tables and progress bars, styled for a terminal or plain for a pipe (see <see cref="TerminalOutput"/>).</summary>
    public static IAnsiConsole Styled => Current.Ansi;

    /// <summary>Standard output is a file, a pipe or a host's writer, not a terminal.</summary>
    public static bool IsOutputRedirected => Current.OutputRedirected;

    /// <summary>Standard input as bytes (an MTA pipes a message in).</summary>
    public static Stream OpenInput() => Current.OpenInput();

    /// <summary>Standard output as bytes, for output streamed as it is made (an export).</summary>
    public static Stream OpenOutput() => Current.OpenOutput();

    /// <summary>Makes the process's console this async flow's until the calling async method returns.</summary>
    public static void UseProcess() => CurrentRun.Value = Process.Value;

    /// <summary>
    /// Makes writers this async flow's console until the calling async method returns: an in-process run, whose
    /// output is never a terminal.
    /// </summary>
    public static void UseWriters(TextWriter output, TextWriter error, Stream? input, string? noColor) =>
        CurrentRun.Value = new Streams(output, error, () => input ?? Stream.Null, () => new WriterStream(output), true, noColor);

    private sealed class Streams(TextWriter output, TextWriter error, Func<Stream> openInput, Func<Stream> openOutput,
        bool outputRedirected, string? noColor)
    {
        public TextWriter Output { get; } = output;
        public TextWriter Error { get; } = error;
        public Func<Stream> OpenInput { get; } = openInput;
        public Func<Stream> OpenOutput { get; } = openOutput;
        public bool OutputRedirected { get; } = outputRedirected;
        public IAnsiConsole Ansi { get; } = AnsiConsole.Create(TerminalOutput.Settings(outputRedirected, noColor, output));
    }
}
