// Shows a send's progress: a live bar on a terminal, one plain line every few seconds under cron.
using Newsletter.Delivery;
using Spectre.Console;

namespace Newsletter.Cli.Commands;

/// <summary>
/// Progress display for <c>send</c>. The bar's counts, rate, elapsed time and time left all come from the send's
/// snapshots (<see cref="SendProgress"/>) and its clock; Spectre's own timers start when the bar is drawn, before the
/// ledger is prepared, and would disagree with them.
/// </summary>
internal static class SendProgressView
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    public static async Task<SendSummary> RunAsync(Func<IProgress<SendProgress>, Task<SendSummary>> send)
    {
        if (!TerminalOutput.IsTerminal) return await send(new PlainLines());
        SendSummary? summary = null;
        var latest = new LatestProgress();
        await CliConsole.Styled.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SendTimes.Column(latest), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("sending", maxValue: 1);
                latest.Changed += _ =>
                {
                    // The newest, not the one reported: two workers' updates may land here in either order.
                    var p = latest.Now()!.Value.Snapshot;
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"{p.Counts()}, {p.Rate:0}/s";
                };
                summary = await send(latest);
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    // Under cron nobody watches a bar: a line per interval keeps the log short and readable.
    private sealed class PlainLines : IProgress<SendProgress>
    {
        private readonly Lock _lock = new();
        private TimeSpan _next = PlainInterval;

        public void Report(SendProgress value)
        {
            lock (_lock)
            {
                if (value.Elapsed < _next) return;
                _next = value.Elapsed + PlainInterval;
            }
            CliConsole.Out.WriteLine($"  {value.Done}/{value.Total} done: {value.Counts()}, {value.Rate:0} per second, {SendTimes.Describe(value, value.Elapsed)}");
        }
    }
}
