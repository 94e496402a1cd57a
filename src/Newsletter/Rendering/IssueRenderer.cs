// Prepares an issue once (body, layouts, inlined CSS, parsed Liquid) and renders it for each subscriber.
using System.Text.RegularExpressions;
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Liquid;

namespace Newsletter.Rendering;

/// <summary>
/// Renders one issue for many subscribers. <see cref="Prepare"/> does the expensive work once: Markdown to HTML and
/// text, splicing the body into the layouts where they say <c>{{ issue.html }}</c> / <c>{{ issue.text }}</c>, CSS
/// inlining, and parsing every template. <see cref="Render"/> then only evaluates Liquid; it is thread-safe.
/// Templates run with strict variables and filters, so a misspelt merge field fails before anything is sent.
/// In the HTML part every output is HTML-escaped unless it ends in <c>| raw</c> (see <see cref="LiquidOptions.EscapeOutput"/>);
/// the subject and the text part are not escaped.
/// </summary>
public sealed partial class IssueRenderer
{
    private readonly LiquidTemplate _subject;
    private readonly LiquidTemplate _html;
    private readonly LiquidTemplate _text;
    private readonly EmailModel _model;

    private IssueRenderer(LiquidTemplate subject, LiquidTemplate html, LiquidTemplate text, EmailModel model)
    {
        _subject = subject;
        _html = html;
        _text = text;
        _model = model;
    }

    /// <summary>Prepares <paramref name="issue"/> with the layouts in <paramref name="templates"/>.</summary>
    /// <param name="issue">The parsed issue.</param>
    /// <param name="templates">The templates folder.</param>
    /// <param name="archiveUrl">The issue's absolute web-archive URL, which relative links in the body resolve against.</param>
    /// <param name="modelFactory">Builds the shared model from the body's HTML and text.</param>
    /// <exception cref="TemplateException">A Liquid syntax error in the body, a layout or a partial (with position).</exception>
    /// <exception cref="NewsletterException">A layout or stylesheet is missing.</exception>
    /// <exception cref="IssueFormatException">The body's Markdown nests too deeply to convert.</exception>
    public static IssueRenderer Prepare(Issue issue, TemplateFolder templates, string archiveUrl, Func<string, string, EmailModel> modelFactory)
    {
        var validation = new LiquidOptions
        {
            ErrorMode = LiquidErrorMode.Strict,
            StrictVariables = true,
            StrictFilters = true,
            Loader = new PartialLoader(templates, null, null),
        };
        // Padding puts each body line at its line in the issue file, so errors point where the editor looks.
        var body = Parse(new string('\n', Math.Max(0, issue.BodyLine - 1)) + issue.Body, issue.SourcePath, validation);
        // Relative links resolve against the issue's archive page; in-page links go to the web page, where their targets are sure to be (see FragmentLinks).
        var bodyHtml = FragmentLinks.Resolve(ToHtml(issue, archiveUrl), archiveUrl);
        var bodyText = BodyText(bodyHtml);
        var model = modelFactory(bodyHtml, bodyText);

        var htmlLayout = templates.Layout(issue.Template, "html");
        var textLayout = templates.Layout(issue.Template, "txt");
        CheckAsWritten(model, body, Parse(htmlLayout.Text, htmlLayout.Name, validation), Parse(textLayout.Text, textLayout.Name, validation));

        var contexts = new PartialContexts();
        var (htmlSource, inliner) = InlineStyles(Splice(htmlLayout.Text, "html", bodyHtml), templates, contexts, model);
        var options = new LiquidOptions
        {
            ErrorMode = LiquidErrorMode.Strict,
            StrictVariables = true,
            StrictFilters = true,
            Loader = new PartialLoader(templates, inliner, validation, contexts),
        };
        // Merge fields hold what readers typed (a sign-up name); in the HTML part they are text, not markup.
        var htmlOptions = new LiquidOptions
        {
            ErrorMode = LiquidErrorMode.Strict,
            StrictVariables = true,
            StrictFilters = true,
            EscapeOutput = true,
            Loader = options.Loader,
        };
        return new IssueRenderer(
            Parse(issue.Subject, issue.SourcePath + " (subject)", options),
            Parse(htmlSource, htmlLayout.Name, htmlOptions),
            Parse(Splice(textLayout.Text, "text", bodyText), textLayout.Name, options),
            model);
    }

    // The templates that run per subscriber are transformed (body spliced in, CSS inlined), which moves lines.
    // Rendering the sources as written once, for a sample subscriber, reports render-time errors such as an
    // undefined merge field at their true line and column.
    private static void CheckAsWritten(EmailModel model, LiquidTemplate body, LiquidTemplate html, LiquidTemplate text)
    {
        var sample = model.For(SampleSubscriber.Instance);
        try
        {
            body.Render(sample);
            html.Render(sample);
            text.Render(sample);
        }
        catch (LiquidException e)
        {
            throw TemplateException.From(e);
        }
    }

    /// <summary>
    /// The same prepared issue with personal links (unsubscribe, poll) signed for the database id <paramref name="issueId"/>:
    /// a send prepares before the issue is recorded and learns its id after. Nothing is parsed or inlined again.
    /// </summary>
    public IssueRenderer ForIssue(long issueId) => new(_subject, _html, _text, _model.WithIssueId(issueId));

    /// <summary>Renders the email <paramref name="subscriber"/> receives.</summary>
    /// <exception cref="TemplateException">A render-time Liquid error (undefined variable, limit exceeded), with position.</exception>
    public RenderedEmail Render(Subscriber subscriber)
    {
        var model = _model.For(subscriber);
        try
        {
            var subject = _subject.Render(model).Trim();
            EmailModel.UseSubject(model, subject);
            return new RenderedEmail(
                subject,
                _html.Render(model),
                TidyText(_text.Render(model)),
                (string)model["unsubscribe_url"]!);
        }
        catch (LiquidException e)
        {
            throw TemplateException.From(e);
        }
    }

    /// <summary>
    /// Renders the public web page of the issue: the same HTML layout for an anonymous reader (merge fields empty,
    /// so <c>default:</c> filters apply), without poll, unsubscribe or any other personal link.
    /// </summary>
    /// <exception cref="TemplateException">A render-time Liquid error, with position.</exception>
    public string RenderForArchive()
    {
        try
        {
            var model = _model.ForArchive();
            EmailModel.UseSubject(model, _subject.Render(model).Trim());
            return _html.Render(model);
        }
        catch (LiquidException e)
        {
            throw TemplateException.From(e);
        }
    }

    // Markdig refuses input nested past its own limits (runs of emphasis or brackets, which the body check does
    // not count) with an ArgumentException; it is the issue's fault, so it is reported as one.
    private static string ToHtml(Issue issue, string archiveUrl)
    {
        try
        {
            return MarkdownConverter.ToHtml(issue.Body, archiveUrl);
        }
        catch (ArgumentException e)
        {
            throw new IssueFormatException(new SourcePosition(issue.SourcePath, issue.BodyLine, 0),
                "the Markdown nests emphasis, links or blocks too deeply to convert; flatten it (" + e.Message.TrimEnd('.') + ")", e);
        }
    }

    private static LiquidTemplate Parse(string source, string name, LiquidOptions options)
    {
        try
        {
            return LiquidTemplate.Parse(source, name, options);
        }
        catch (LiquidException e)
        {
            throw TemplateException.From(e);
        }
    }

    private static string BodyText(string bodyHtml)
    {
        var shield = LiquidShield.ForText(bodyHtml);
        return shield.Restore(HtmlToText.Convert(shield.Text)).TrimEnd();
    }

    // The body is spliced into the layout source so that one CSS inlining pass covers layout and body alike.
    private static string Splice(string layout, string field, string body) =>
        BodyOutput().Replace(layout, m => m.Groups[1].Value == field ? body : m.Value, 1);

    private static (string Html, CssInliner? Inliner) InlineStyles(string html, TemplateFolder templates, PartialContexts contexts, EmailModel model)
    {
        var links = StylesheetLink().Matches(html);
        if (links.Count == 0) return (html, null);
        var css = string.Join('\n', links.Select(m => StylesheetTemplate.Render(templates.Stylesheet(m.Groups[1].Value), Path.Combine(templates.Path, m.Groups[1].Value), model)));
        var inliner = new CssInliner(css);
        var shield = LiquidShield.ForHtml(StylesheetLink().Replace(html, ""));
        return (shield.Restore(inliner.InlineDocument(shield.Text, contexts.Collector(shield))), inliner);
    }

    // Liquid tags on lines of their own leave blank runs behind; a reader wants at most one blank line.
    private static string TidyText(string text) =>
        BlankRuns().Replace(string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())), "\n\n").Trim() + "\n";

    [GeneratedRegex(@"\{\{-?\s*issue\.(html|text)\s*-?\}\}")]
    private static partial Regex BodyOutput();

    [GeneratedRegex(@"<link\s+rel=""stylesheet""\s+href=""([^""]+)""\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex StylesheetLink();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();
}
