// `newsletter check`: renders an issue for a sample subscriber and runs every rule before anything goes out.
using Newsletter.Authoring;
using Newsletter.Rendering;

namespace Newsletter.Checks;

/// <summary>
/// Runs the checks on an issue: front matter and Liquid errors (with positions) and the warnings parsing raised
/// (<see cref="Issue.Warnings"/>), then on the email a sample subscriber would get: size (Gmail clips HTML over
/// 102 KB), subject and preheader, unsubscribe link, links, images (local ones must exist) and CSS support.
/// <c>render</c> and <c>send</c> run the same checks through <c>Delivery.PreSendCheck</c>, which refuses an issue with errors.
/// </summary>
public static class IssueChecker
{
    /// <summary>Reads and checks <paramref name="issuePath"/>; never throws for a fault in the issue or templates.</summary>
    /// <param name="issuePath">The issue file.</param>
    /// <param name="templatesPath">The templates folder, searched for positions of template-borne findings (may be null).</param>
    /// <param name="prepare">Prepares the renderer of an issue (e.g. <c>Workspace.Prepare</c>).</param>
    public static CheckReport Check(string issuePath, string? templatesPath, Func<Issue, IssueRenderer> prepare)
    {
        Issue issue;
        try
        {
            issue = IssueParser.Load(issuePath);
        }
        catch (IssueFormatException e)
        {
            return new CheckReport([new CheckFinding(CheckSeverity.Error, "front-matter", e.Position, e.Reason)], 0, 0);
        }
        return Check(issue, templatesPath, prepare);
    }

    /// <summary>Checks a parsed issue.</summary>
    /// <param name="issue">The issue.</param>
    /// <param name="templatesPath">The templates folder (may be null).</param>
    /// <param name="prepare">Prepares the renderer of the issue.</param>
    public static CheckReport Check(Issue issue, string? templatesPath, Func<Issue, IssueRenderer> prepare) =>
        Check(issue, templatesPath, prepare, out _);

    /// <summary>
    /// Checks a parsed issue and hands back the renderer the checks used, so a caller that goes on to render or send
    /// does not prepare the issue a second time.
    /// </summary>
    /// <param name="issue">The issue.</param>
    /// <param name="templatesPath">The templates folder (may be null).</param>
    /// <param name="prepare">Prepares the renderer of the issue; called once.</param>
    /// <param name="renderer">The prepared renderer, or null when preparing it failed (the report then holds that error).</param>
    public static CheckReport Check(Issue issue, string? templatesPath, Func<Issue, IssueRenderer> prepare, out IssueRenderer? renderer)
    {
        // What parsing noticed is reported however far the checks get.
        var findings = issue.Warnings.Select(w => new CheckFinding(CheckSeverity.Warning, w.Rule, w.Position, w.Message)).ToList();
        renderer = null;
        RenderedEmail email;
        try
        {
            renderer = prepare(issue);
            email = renderer.Render(SampleSubscriber.Instance);
        }
        catch (NewsletterException e)
        {
            renderer = null;
            return new CheckReport([.. findings, new CheckFinding(CheckSeverity.Error, e is IssueFormatException ? "markdown" : "liquid", e.Position, e.Reason)], 0, 0);
        }
        var locator = new SourceLocator(issue.SourcePath, templatesPath);
        findings.AddRange(MessageRules.Check(issue, email, locator));
        findings.AddRange(LinkRules.Check(issue, email, locator));
        findings.AddRange(ImageRules.CheckFiles(issue, locator));
        findings.AddRange(ImageRules.Check(email, locator));
        findings.AddRange(CssSupport.Default.Check(email.Html, locator));
        return new CheckReport(findings, MessageRules.Bytes(email.Html), MessageRules.Bytes(email.Text));
    }
}
