// The exit codes scripts and schedulers can rely on.
namespace Newsletter.Cli;

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>
    /// Bad input: an issue file, template, CSV, configuration or command-line argument error (a
    /// <see cref="NewsletterException"/>), or a file that is not there; nothing was changed.
    /// </summary>
    public const int InputError = 1;

    /// <summary>A send stopped before every delivery was made (paused, or deliveries deferred).</summary>
    public const int Incomplete = 3;

    /// <summary>Another run is sending the same issue.</summary>
    public const int Busy = 4;

    /// <summary>The person at the terminal answered no to the send's confirmation; nothing was sent or recorded.</summary>
    public const int Cancelled = 5;

    /// <summary>
    /// Not bad input: the database could not be used (locked by another process past the busy timeout, read-only,
    /// disk full, damaged), or it holds what the program never writes (an <see cref="InvalidDataException"/>).
    /// Nothing was changed; trying again later may work.
    /// </summary>
    public const int Unavailable = 6;
}
