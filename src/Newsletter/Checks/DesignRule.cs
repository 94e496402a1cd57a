// Whether the design's accent colour is readable where the default templates draw it.
using System.Globalization;
using Newsletter.Configuration;

namespace Newsletter.Checks;

/// <summary>
/// The design finding of <c>check</c> (rule <c>accent-contrast</c>): the default templates draw the accent as link
/// text on white and put white text on accent buttons, so below 4.5:1 against white (WCAG 2.1 §1.4.3 AA) both are
/// hard to read. A warning, not an error: the editor's templates may draw it elsewhere.
/// </summary>
public static class DesignRule
{
    /// <summary>The warnings about <paramref name="design"/>; none when the accent is unset or readable.</summary>
    /// <param name="design">The validated <c>design</c> section.</param>
    /// <param name="configPath">The configuration file, named in the finding (at the line of <c>accent</c> when found).</param>
    public static IEnumerable<CheckFinding> Check(DesignSettings design, string configPath)
    {
        if (design.Accent is null) yield break;
        var ratio = ContrastRatio.Of(design.AccentOrDefault, "#ffffff");
        if (ratio >= ContrastRatio.TextMinimum) yield break;
        yield return new CheckFinding(CheckSeverity.Warning, "accent-contrast", Where(configPath, "accent"),
            $"'design.accent' {design.AccentOrDefault} has a contrast of {ratio.ToString("0.00", CultureInfo.InvariantCulture)}:1 with white, " +
            "below the 4.5:1 WCAG 2.1 AA asks of text (links on white, white text on buttons); choose a darker colour");
    }

    private static SourcePosition Where(string file, string key)
    {
        var lines = File.Exists(file) ? File.ReadAllLines(file) : [];
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].IndexOf('"' + key + '"', StringComparison.OrdinalIgnoreCase) is var column and >= 0)
                return new SourcePosition(file, i + 1, column + 1, lines[i]);
        return new SourcePosition(file, 0, 0);
    }
}
