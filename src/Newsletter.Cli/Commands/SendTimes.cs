// The elapsed time and the time left of a send, in words, from one clock and one observed rate.
using Newsletter.Delivery;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Newsletter.Cli.Commands;

/// <summary>
/// Formats how long a send has run and how long it has left. Both come from the send's own clock and the rate
/// observed on it (<see cref="SendProgress.RemainingAt"/>), so elapsed plus left is always the projected total.
/// </summary>
internal static class SendTimes
{
    /// <summary>E.g. <c>0:00:12 elapsed, about 0:01:30 left</c>, or <c>0:00:01 elapsed</c> before anything is done.</summary>
    /// <param name="progress">The newest snapshot.</param>
    /// <param name="elapsed">The send's elapsed time now (at or after the snapshot's).</param>
    public static string Describe(SendProgress progress, TimeSpan elapsed) =>
        $"{Clock(elapsed)} elapsed" + (progress.RemainingAt(elapsed) is { } left ? $", about {Clock(left)} left" : "");

    private static string Clock(TimeSpan time) => $"{(int)time.TotalHours}:{time:mm\\:ss}";

    /// <summary>A progress-bar column showing <see cref="Describe"/> for the newest snapshot, ticking between snapshots.</summary>
    public sealed class Column(LatestProgress progress) : ProgressColumn
    {
        /// <inheritdoc />
        protected override bool NoWrap => true;

        /// <inheritdoc />
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            progress.Now() is { } now ? new Spectre.Console.Text(Describe(now.Snapshot, now.Elapsed)) : new Spectre.Console.Text("starting");
    }
}
