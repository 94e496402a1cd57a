// Shows a send's progress: a live bar on a terminal, one plain line every few seconds under cron.
using Newsletter.Delivery;
using Spectre.Console;

namespace Newsletter.Cli.Commands;

/// <summary>Progress display for <c>send</c>.</summary>
internal static class SendProgressView
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    public static async Task<SendSummary> RunAsync(Func<IProgress<SendProgress>, Task<SendSummary>> send)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await send(new PlainLines());
        SendSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("sending", maxValue: 1);
                summary = await send(new Progress<SendProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"{p.Counts()}, {p.Rate:0}/s";
                }));
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
            Console.WriteLine($"  {value.Done}/{value.Total} done: {value.Counts()}, {value.Rate:0} per second" +
                (value.Remaining is { } left ? $", about {left:hh\\:mm\\:ss} to go" : ""));
        }
    }
}
