// `newsletter preview`: the page, light and dark variants, the text part, and reloading when a source changes.
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Design;

public class PreviewTests
{
    [Test]
    public async Task Preview_IssueAndTemplateEdits_ChangeTheVersionAndTheRenderedEmail()
    {
        using var workspace = new TestWorkspace();
        Assert.That(workspace.Run("subscribers", "add", "grace@example.org", "--name", "Grace Hopper").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());
        var port = TestWorkspace.FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var preview = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "preview", issue, "--port", port.ToString());
        try
        {
            using var http = new HttpClient();
            await ServerReady.WaitUntilUp(http, url + "/version");

            var page = await http.GetStringAsync(url + "/");
            Assert.That(page, Does.Contain("Phone (375 px), dark").And.Contain("Plain-text part").And.Contain("<option>grace@example.org</option>"));
            Assert.That(await http.GetStringAsync(url + "/email.html?subscriber=grace%40example.org&scheme=light"), Does.Contain("Hi Grace,").And.Contain("@media not all"));
            Assert.That(await http.GetStringAsync(url + "/email.html?scheme=dark"), Does.Contain("Hi Ada,").And.Contain("@media all"));
            Assert.That(await http.GetStringAsync(url + "/email.txt"), Does.StartWith("Subject: Résumé: failure as a feature"));

            var before = await http.GetStringAsync(url + "/version");
            File.WriteAllText(issue, SampleIssue.Text("Edited while previewing."));
            File.SetLastWriteTimeUtc(issue, DateTime.UtcNow.AddSeconds(5));
            var afterIssue = await http.GetStringAsync(url + "/version");
            Assert.That(afterIssue, Is.Not.EqualTo(before));
            Assert.That(await http.GetStringAsync(url + "/email.html"), Does.Contain("Edited while previewing."));

            var footer = workspace.PathOf("templates/partials/footer.html.liquid");
            File.AppendAllText(footer, "<p>{{ subscriber.frist_name }}</p>");
            File.SetLastWriteTimeUtc(footer, DateTime.UtcNow.AddSeconds(10));
            Assert.That(await http.GetStringAsync(url + "/version"), Is.Not.EqualTo(afterIssue), "template changes count too");
            Assert.That(await http.GetStringAsync(url + "/email.html"), Does.Contain("footer.html.liquid").And.Contain("frist_name"), "the error is shown with its position");
        }
        finally
        {
            preview.Kill(entireProcessTree: true);
            await preview.WaitForExitAsync();
        }
    }
}
