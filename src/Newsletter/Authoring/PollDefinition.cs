// The rating poll of an issue: a question and the options readers click.
namespace Newsletter.Authoring;

/// <summary>A rating poll: one question, options each worth a rating value.</summary>
/// <param name="Question">Shown above the options.</param>
/// <param name="Options">In display order; values are unique.</param>
public sealed record PollDefinition(string Question, IReadOnlyList<PollOption> Options)
{
    /// <summary>"How would you rate today's newsletter?" with five options rated 1 (worst) to 5 (best).</summary>
    public static PollDefinition Default { get; } = new("How would you rate today's newsletter?",
    [
        new PollOption("Loved it", "🤩", 5),
        new PollOption("Great", "🙂", 4),
        new PollOption("Okay", "😐", 3),
        new PollOption("Meh", "🙁", 2),
        new PollOption("Poor", "😞", 1),
    ]);

    /// <summary>The option with this value, or null.</summary>
    public PollOption? Find(int value) => Options.FirstOrDefault(o => o.Value == value);
}

/// <summary>One clickable poll option.</summary>
/// <param name="Label">Text, e.g. "Great".</param>
/// <param name="Emoji">Shown before the label; may be empty.</param>
/// <param name="Value">The rating recorded when clicked (1–100).</param>
public sealed record PollOption(string Label, string Emoji, int Value);
