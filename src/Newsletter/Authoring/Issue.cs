// One newsletter issue as the editor wrote it: front matter facts plus the Markdown body.
namespace Newsletter.Authoring;

/// <summary>An issue file after parsing (front matter validated, body not yet rendered).</summary>
public sealed record Issue
{
    /// <summary>Path of the source file, as given.</summary>
    public required string SourcePath { get; init; }

    /// <summary>File name without extension, e.g. <c>2026-11-20-chaos-engineering</c>; unique, used in URLs and Message-IDs.</summary>
    public required string Slug { get; init; }

    /// <summary>Title: front matter <c>title</c>, else the body's first <c># heading</c>, else (for a file without front matter) the file name.</summary>
    public required string Title { get; init; }

    /// <summary>Subject line; defaults to the title.</summary>
    public required string Subject { get; init; }

    /// <summary>Preview text shown by inboxes after the subject; may be empty.</summary>
    public string Preheader { get; init; } = "";

    /// <summary>Issue date: front matter <c>date</c>, else the file name's <c>YYYY-MM-DD</c>, else null.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>When <c>send --due</c> may send it (ISO 8601 with offset); null means never automatically.</summary>
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>Layout name: <c>templates/NAME.html.liquid</c> and <c>templates/NAME.txt.liquid</c>.</summary>
    public string Template { get; init; } = "default";

    /// <summary>The rating poll, or null when the front matter says <c>poll: false</c>.</summary>
    public PollDefinition? Poll { get; init; } = PollDefinition.Default;

    /// <summary>Other front matter keys, readable in templates as <c>issue.meta.KEY</c>.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();

    /// <summary>Audience segment (front matter <c>segment</c>, e.g. <c>tag:rust and not tag:beginner</c>); null sends to every active subscriber.</summary>
    public string? Segment { get; init; }

    /// <summary>
    /// Front matter <c>welcome: true</c>: the issue goes to each subscriber once, when they confirm or are added with
    /// <c>--welcome</c>, and never to the whole list by date (see <see cref="WelcomeIssue"/>).
    /// </summary>
    public bool Welcome { get; init; }

    /// <summary>The Markdown body.</summary>
    public required string Body { get; init; }

    /// <summary>1-based line of the file where <see cref="Body"/> starts, for error positions.</summary>
    public int BodyLine { get; init; } = 1;

    /// <summary>What parsing read differently from how it looks (a value cut at a YAML comment, a title taken from the file name).</summary>
    public IReadOnlyList<IssueWarning> Warnings { get; init; } = [];
}
