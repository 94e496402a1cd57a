// Reads an issue file (front matter + Markdown) into an Issue, checking every field it knows.
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Newsletter.Authoring;

/// <summary>
/// Parses <c>issues/YYYY-MM-DD-slug.md</c>. Front matter keys: <c>title</c> (required unless the body starts with a
/// <c># heading</c>), <c>subject</c>, <c>preheader</c>, <c>date</c> (YYYY-MM-DD), <c>send_at</c> (ISO 8601 with an
/// offset), <c>template</c>, <c>poll</c> (<c>false</c>, or <c>question</c> plus <c>options</c> of
/// <c>label</c>/<c>emoji</c>/<c>value</c>), <c>segment</c> (an audience segment expression), <c>welcome</c> (<c>true</c> for the email each new subscriber gets once,
/// see <see cref="WelcomeIssue"/>). Other keys become <see cref="Issue.Meta"/>.
/// A file with neither front matter nor a heading takes its title from the file name, as Jekyll and Hugo do
/// (<c>2026-12-01-build-notes.md</c> is "Build notes"), with a warning.
/// </summary>
public static partial class IssueParser
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
        { "title", "subject", "preheader", "date", "send_at", "template", "poll", "segment", "welcome" };

    /// <summary>
    /// The largest issue file, in bytes (2 MiB). Gmail clips an email's HTML at 102 KB, so a real issue is far
    /// smaller; the bound keeps rendering and checking, which grow with the size, to seconds.
    /// </summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    /// <exception cref="IssueFormatException">The file is malformed or larger than <see cref="MaxFileBytes"/>; the message names file, line and column.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static Issue Load(string path)
    {
        // Checked before reading, so a huge file is refused without being loaded.
        var size = new FileInfo(path).Exists ? new FileInfo(path).Length : 0;
        if (size > MaxFileBytes) throw TooLarge(path, size);
        return Parse(path, File.ReadAllText(path));
    }

    /// <summary>Parses <paramref name="text"/> as the content of <paramref name="path"/>.</summary>
    /// <exception cref="IssueFormatException">
    /// The text is malformed, larger than <see cref="MaxFileBytes"/> in UTF-8, or nests deeper than <see cref="BodyNesting"/> allows.
    /// </exception>
    public static Issue Parse(string path, string text)
    {
        if (text.Length > MaxFileBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(text) is var bytes && bytes > MaxFileBytes)
            throw TooLarge(path, bytes);
        text = text.Replace("\r\n", "\n");
        var lines = text.Split('\n');
        var (front, body, bodyLine) = FrontMatter.Split(path, text);
        var fileDate = FileNameDate(path);
        var title = String(front, lines, "title");
        if (title is null && FirstHeading(body) is { } heading)
        {
            // The layout shows the title in its header; the heading it came from is blanked (not removed, so
            // every later body line keeps its number for error positions).
            title = heading.Text;
            var bodyLines = body.Split('\n');
            bodyLines[heading.Index] = "";
            body = string.Join('\n', bodyLines);
        }
        var warnings = new List<IssueWarning>(front.Warnings);
        if (title is null && !front.Present && FileNameTitle(path) is { } named)
        {
            title = named;
            warnings.Add(new IssueWarning("title-from-file-name", new SourcePosition(path, 1, 1, lines[0]),
                $"the file has no front matter and no '# heading', so its title is '{named}', from the file name; add front matter with 'title: …' to choose another"));
        }
        if (title is null) throw new IssueFormatException(new SourcePosition(path, 1, 1, lines[0]), "the front matter needs a 'title'");
        BodyNesting.Check(path, body, bodyLine);
        return new Issue
        {
            SourcePath = path,
            Slug = Path.GetFileNameWithoutExtension(path),
            Title = title,
            Subject = String(front, lines, "subject") ?? title,
            // Pelican and Hugo call the preview text a summary or description.
            Preheader = String(front, lines, "preheader") ?? String(front, lines, "summary") ?? String(front, lines, "description") ?? "",
            Date = Date(front, lines) ?? fileDate,
            SendAt = SendAt(front, lines),
            Template = Template(front, lines),
            Poll = Poll(front, lines),
            Segment = String(front, lines, "segment"),
            Welcome = Flag(front, lines, "welcome"),
            Meta = front.Keys.Where(k => !KnownKeys.Contains(k) && front[k] is YamlScalarNode)
                .ToDictionary(k => k, k => ((YamlScalarNode)front[k]!).Value ?? ""),
            Body = body,
            BodyLine = bodyLine,
            Warnings = warnings,
        };
    }

    private static string? String(FrontMatter front, string[] lines, string key)
    {
        if (front[key] is not { } node) return null;
        if (node is not YamlScalarNode scalar) throw Error(front, lines, node, $"'{key}' must be a single line of text");
        return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
    }

    private static bool Flag(FrontMatter front, string[] lines, string key) => String(front, lines, key)?.ToLowerInvariant() switch
    {
        null or "false" or "no" or "off" => false,
        "true" or "yes" or "on" => true,
        var other => throw Error(front, lines, front[key]!, $"'{key}' must be true or false, not '{other}'"),
    };

    private static DateOnly? Date(FrontMatter front, string[] lines)
    {
        var text = String(front, lines, "date");
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return DateOnly.FromDateTime(time.Date);
        throw Error(front, lines, front["date"]!, $"'date' must look like 2026-11-20, not '{text}'");
    }

    private static DateTimeOffset? SendAt(FrontMatter front, string[] lines)
    {
        var text = String(front, lines, "send_at");
        if (text is null) return null;
        if (!OffsetPattern().IsMatch(text) ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            throw Error(front, lines, front["send_at"]!,
                $"'send_at' must be an ISO 8601 time with a UTC offset, e.g. 2026-11-20T07:00:00+01:00, not '{text}'");
        return time;
    }

    private static string Template(FrontMatter front, string[] lines)
    {
        var name = String(front, lines, "template") ?? "default";
        if (!TemplateName().IsMatch(name))
            throw Error(front, lines, front["template"]!, $"'template' must be a plain name such as 'default', not '{name}'");
        return name;
    }

    private static PollDefinition? Poll(FrontMatter front, string[] lines)
    {
        var node = front["poll"];
        switch (node)
        {
            case null:
                return PollDefinition.Default;
            case YamlScalarNode { Value: "false" or "no" or "off" }:
                return null;
            case YamlScalarNode { Value: "true" or "yes" or "on" }:
                return PollDefinition.Default;
            case YamlMappingNode mapping:
                return PollFromMapping(front, lines, mapping);
            default:
                throw Error(front, lines, node, "'poll' must be false, or have 'question' and 'options'");
        }
    }

    private static PollDefinition PollFromMapping(FrontMatter front, string[] lines, YamlMappingNode mapping)
    {
        var question = Scalar(mapping, "question") ?? PollDefinition.Default.Question;
        if (!mapping.Children.TryGetValue(new YamlScalarNode("options"), out var optionsNode))
            return PollDefinition.Default with { Question = question };
        if (optionsNode is not YamlSequenceNode sequence || sequence.Children.Count is < 2 or > 10)
            throw Error(front, lines, optionsNode, "'poll.options' must be a list of 2 to 10 options");
        var options = new List<PollOption>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var option = item switch
            {
                YamlScalarNode s => new PollOption(s.Value ?? "", "", sequence.Children.Count - i),
                YamlMappingNode m => new PollOption(Scalar(m, "label") ?? "", Scalar(m, "emoji") ?? "",
                    int.TryParse(Scalar(m, "value"), out var v) ? v : sequence.Children.Count - i),
                _ => throw Error(front, lines, item, "each poll option must be a label or have 'label', 'emoji' and 'value'"),
            };
            if (option.Label.Length == 0) throw Error(front, lines, item, "a poll option needs a 'label'");
            if (option.Value is < 1 or > 100) throw Error(front, lines, item, "a poll option's 'value' must be between 1 and 100");
            if (options.Any(o => o.Value == option.Value)) throw Error(front, lines, item, $"two poll options have the value {option.Value}");
            options.Add(option);
        }
        return new PollDefinition(question, options);
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value?.Trim() : null;

    private static IssueFormatException TooLarge(string path, long bytes) => new(new SourcePosition(path, 0, 0),
        $"the issue is {bytes / 1048576.0:0.0} MB; an issue file may be at most {MaxFileBytes / 1048576} MB (Gmail clips an email's HTML at 102 KB)");

    private static DateOnly? FileNameDate(string path)
    {
        var match = FileNamePattern().Match(Path.GetFileName(path));
        return match.Success && DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>
    /// The title a file name gives: without extension and date prefix (<c>YYYY-MM-DD-</c>), dashes and underscores as
    /// spaces, the first letter capitalised: <c>2026-12-01-build-notes.md</c> gives "Build notes". Null when nothing is left.
    /// </summary>
    public static string? FileNameTitle(string path)
    {
        var name = DatePrefix().Replace(Path.GetFileNameWithoutExtension(path), "");
        var words = name.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var title = string.Join(' ', words);
        return char.ToUpper(title[0], CultureInfo.InvariantCulture) + title[1..];
    }

    private static (string Text, int Index)? FirstHeading(string body)
    {
        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("# ", StringComparison.Ordinal)) return (line[2..].Trim().TrimEnd('#').Trim(), i);
            if (line.Trim().Length > 0 && !line.TrimStart().StartsWith('<')) return null;
        }
        return null;
    }

    private static IssueFormatException Error(FrontMatter front, string[] lines, YamlNode node, string reason)
    {
        var line = front.LineOf(node);
        return new IssueFormatException(front.PositionOf(node, line - 1 < lines.Length && line >= 1 ? lines[line - 1] : null), reason);
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})-")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:[-_.]|$)")]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex TemplateName();
}
