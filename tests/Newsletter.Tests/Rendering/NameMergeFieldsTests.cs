// subscriber.first_name and last_name in the subject and body, for names written either way round.
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Tests.Checks;

namespace Newsletter.Tests.Rendering;

public class NameMergeFieldsTests
{
    [TestCase("Hopper, Grace", null, null, "Grace, three ways", "Hi Grace Hopper!")]
    [TestCase("Grace Hopper", null, null, "Grace, three ways", "Hi Grace Hopper!")]
    [TestCase("Hopper, Grace", "Amazing", "Grace", "Amazing, three ways", "Hi Amazing Grace!")]
    [TestCase(null, null, null, "there, three ways", "Hi there !")]
    public void Render_FirstAndLastName_InSubjectAndBody(string? name, string? given, string? family, string subject, string greeting)
    {
        var issue = IssueParser.Parse("issues/2026-12-01-x.md",
            "---\ntitle: T\nsubject: \"{{ subscriber.first_name | default: 'there' }}, three ways\"\npreheader: P\n---\nHi {{ subscriber.first_name | default: 'there' }} {{ subscriber.last_name }}!\n");
        var subscriber = new Subscriber(5, "grace@example.com", name, new Dictionary<string, string>(), SubscriberStatus.Active)
            { GivenName = given, FamilyName = family };

        var email = IssueCheckerTests.Prepare(issue, IssueRendererGoldenTests.RepositoryTemplatesPath()).Render(subscriber);

        Assert.That(email.Subject, Is.EqualTo(subject));
        Assert.That(email.Text, Does.Contain(greeting));
        Assert.That(email.Html, Does.Contain($"<title>{subject}</title>"), "the title shows the subject this reader gets");
    }

    [Test]
    public void RenderForArchive_SubjectWithMergeField_PageIsTitledByTheIssueTitle()
    {
        var issue = IssueParser.Parse("issues/2026-12-01-x.md",
            "---\ntitle: T\nsubject: \"{{ subscriber.first_name | default: 'Reader' }}, three ways\"\npreheader: P\n---\nHi.\n");

        var html = IssueCheckerTests.Prepare(issue, IssueRendererGoldenTests.RepositoryTemplatesPath()).RenderForArchive();

        // A public page has no reader: it is named by the issue's title and the newsletter's name.
        Assert.That(html, Does.Contain("<title>T — The Resilient Engineer</title>").And.Not.Contain("{{").And.Not.Contain("Reader, three ways"));
        Assert.That(html, Does.Contain("<meta property=\"og:title\" content=\"T\">"));
    }
}
