using System.Text.Json;
using Newsletter.Integration.Tests.Support;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Delivery;

public class SmtpSendTests
{
    [Test]
    public void Send_ToRealSmtpServer_DeliversOncePerSubscriberAndParsesStrictly()
    {
        using var server = AiosmtpdServer.Start();
        using var workspace = new TestWorkspace();
        workspace.Configure(c =>
        {
            c["transport"] = $"smtp://127.0.0.1:{server.Port}";
            c["smtp"] = new System.Text.Json.Nodes.JsonObject { ["security"] = "none", ["connections"] = 2 };
        });
        workspace.Write("list.csv", "email,name\nada@example.com,Ada Lovelace\ngrace@example.org,Grace Hopper\nlinus@bücher.de,Linus\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var first = workspace.Run("send", "--force", issue);
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Error);
        var second = workspace.Run("send", "--force", issue);
        Assert.That(second.ExitCode, Is.EqualTo(0));
        Assert.That(second.Output, Does.Contain("Nothing to send"));

        var messages = server.Messages();
        Assert.That(messages.Select(m => m.Recipients.Single()), Is.EquivalentTo(new[] { "ada@example.com", "grace@example.org", "linus@xn--bcher-kva.de" }));
        foreach (var stored in messages)
        {
            var parsed = StrictParser.ParseFile(stored.Path);
            Assert.That(parsed.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null), parsed.ToString());
            Assert.That(parsed.GetProperty("defects").GetArrayLength(), Is.EqualTo(0), parsed.ToString());
            Assert.That(parsed.GetProperty("subject").GetString(), Is.EqualTo("Résumé: failure as a feature ✨"));
            var headers = parsed.GetProperty("headers").EnumerateArray().ToDictionary(h => h[0].GetString()!, h => h[1].GetString()!, StringComparer.OrdinalIgnoreCase);
            Assert.That(headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
            Assert.That(headers["List-Unsubscribe"].Trim(), Does.Match("^<http://127.0.0.1:5080/unsubscribe/[A-Za-z0-9_-]+>$"));
            var structure = parsed.GetProperty("structure");
            Assert.That(structure.GetProperty("content_type").GetString(), Is.EqualTo("multipart/alternative"));
            var text = structure.GetProperty("children")[0].GetProperty("text").GetString()!;
            var html = structure.GetProperty("children")[1].GetProperty("text").GetString()!;
            Assert.That(text, Does.Contain("How would you rate today's newsletter?"));
            Assert.That(html, Does.Contain("/poll/"));
            Assert.That(File.ReadAllBytes(stored.Path).AsSpan().IndexOf("\r\n"u8), Is.GreaterThan(0));
        }
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'sent'"), Is.EqualTo(3));
    }
}
