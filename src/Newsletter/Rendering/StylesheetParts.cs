// Splits a stylesheet, read by PreMailer's parser, into the rules PreMailer inlines and the rules that stay in <style>.
using System.Text.RegularExpressions;
using PreMailer.Net;

namespace Newsletter.Rendering;

/// <summary>
/// A stylesheet as PreMailer.Net reads it (<see cref="CssParser"/>: one rule per selector of a selector list, a
/// selector written twice merged into its later place), split in two:
/// <list type="bullet">
/// <item><see cref="Inlinable"/>: plain rules, and those of <c>@media screen</c>/<c>all</c>, for style attributes;</item>
/// <item><see cref="Kept"/>: what a style attribute cannot hold, for a <c>style</c> element: <c>@media</c> rules with a
/// condition (responsive and <c>prefers-color-scheme: dark</c> rules) verbatim, <c>@font-face</c> verbatim, and rules
/// whose selector needs a state or the document (<c>a:hover</c>, <c>:root</c>, <c>::before</c>), which PreMailer would
/// drop or put on <c>html</c>.</item>
/// </list>
/// Declarations are kept as written: email clients such as Outlook need <c>#fff</c>, not a normalised <c>rgba()</c>.
/// Other at-rules (<c>@supports</c>, <c>@keyframes</c>) are not understood by PreMailer's parser and are lost.
/// </summary>
public sealed partial class StylesheetParts
{
    private static readonly CssSelectorParser Selectors = new();

    private StylesheetParts(IReadOnlyList<StyleClass> inlinable, string kept)
    {
        Inlinable = inlinable;
        Kept = kept;
        InlineCss = string.Join('\n', inlinable.Select(Rule));
    }

    /// <summary>Rules to inline, in source order (<see cref="StyleClass.Position"/> ascending).</summary>
    public IReadOnlyList<StyleClass> Inlinable { get; }

    /// <summary><see cref="Inlinable"/> as CSS text, for PreMailer's <c>css</c> parameter.</summary>
    public string InlineCss { get; }

    /// <summary>The rules that stay in a <c>style</c> element, one a line; empty when there are none.</summary>
    public string Kept { get; }

    /// <summary>Splits <paramref name="css"/>.</summary>
    public static StylesheetParts Split(string css)
    {
        // PreMailer finds @media blocks in the raw text, so a comment naming "@media" would swallow the rule after it.
        css = Comment().Replace(css, "");
        var parser = new CssParser();
        parser.AddStyleSheet(css);
        // An at-rule PreMailer's parser does not know leaves a selector such as "@supports (…)" behind; it matches nothing.
        var rules = parser.Styles.Values.Where(r => !r.Name.StartsWith('@') && r.Attributes.Count > 0).OrderBy(r => r.Position).ToList();
        var stateful = rules.Where(r => NeedsStyleElement(r.Name)).ToList();
        var kept = FontFace().Matches(css).Select(m => m.Value)
            .Concat(CssParser.GetUnsupportedMediaQueries(css))
            .Concat(stateful.Select(Rule));
        return new StylesheetParts(rules.Except(stateful).ToList(), string.Concat(kept.Select(r => r.Trim() + "\n")));
    }

    // PreMailer's list of selectors it cannot evaluate (:hover, :visited, ::before…), and those it would match on the
    // wrong element: every pseudo-element, and :root, which would land on <html>, an element mail clients replace.
    private static bool NeedsStyleElement(string selector) =>
        !Selectors.IsSupportedSelector(selector) || selector.Contains("::", StringComparison.Ordinal) || Root().IsMatch(selector);

    private static string Rule(StyleClass rule) => $"{rule.Name} {{ {rule.ToString(emitImportant: true)}; }}";

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"@font-face\s*\{[^}]*\}", RegexOptions.IgnoreCase)]
    private static partial Regex FontFace();

    [GeneratedRegex(@":root\b", RegexOptions.IgnoreCase)]
    private static partial Regex Root();
}
