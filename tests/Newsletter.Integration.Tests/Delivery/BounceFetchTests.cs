// `bounces fetch` against a real Dovecot: IMAP over TLS moves processed mail, POP3 deletes it; reruns count nothing twice.
using Newsletter.Integration.Tests.Peers;
using System.Text.Json.Nodes;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Delivery;

[NonParallelizable]
public class BounceFetchTests
{
    // A hard bounce, a soft bounce, a complaint (whose complainer is on the list) and a message that is no bounce.
    private static readonly string[] Fixtures = ["lhost-qmail-17.eml", "lhost-qmail-25.eml", "arf-17.eml", "not-bounce-is-not-bounce-01.eml"];

    private static IEnumerable<string> FixturePaths() =>
        Fixtures.Select(f => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "bounces", f));

    private static readonly Dictionary<string, string> Environment = new() { ["NEWSLETTER_BOUNCES_PASSWORD"] = DovecotServer.Password };

    [Test]
    public void Fetch_ImapOverTls_RecordsSuppressesMovesAndCountsNothingTwiceOnARerun()
    {
        using var dovecot = new DovecotServer();
        using var workspace = Workspace(bounces =>
        {
            bounces["mailbox"] = $"imaps://{DovecotServer.User}@127.0.0.1:{dovecot.ImapsPort}/INBOX";
            bounces["allowInvalidCertificate"] = true;
            bounces["processedFolder"] = "Processed";
        });
        dovecot.Deliver(FixturePaths());

        var first = NewsletterCli.Run(workspace.Root, Environment, "bounces", "fetch");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error + dovecot.Log);
        Assert.That(first.Output, Does.Contain("4 reports: hard 1, soft 1, complaints 1, not bounces 1, unmatched 0, suppressed 2, already recorded 0"));
        Assert.That(first.Output + first.Error, Does.Not.Contain(DovecotServer.Password));
        AssertRecorded(workspace);
        Assert.That((dovecot.Count(), dovecot.Count("Processed")), Is.EqualTo((0, 4)));

        dovecot.Deliver(FixturePaths());
        var again = NewsletterCli.Run(workspace.Root, Environment, "bounces", "fetch");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Output, Does.Contain("4 reports: hard 0, soft 0, complaints 0, not bounces 1, unmatched 0, suppressed 0, already recorded 3"));
        AssertRecorded(workspace);
        Assert.That((dovecot.Count(), dovecot.Count("Processed")), Is.EqualTo((0, 8)));
    }

    [Test]
    public void Fetch_ImapWithoutProcessedFolder_DeletesWhatItProcessed()
    {
        using var dovecot = new DovecotServer();
        using var workspace = Workspace(bounces =>
        {
            bounces["mailbox"] = $"imaps://{DovecotServer.User}@127.0.0.1:{dovecot.ImapsPort}/INBOX";
            bounces["allowInvalidCertificate"] = true;
        });
        dovecot.Deliver(FixturePaths());
        var result = NewsletterCli.Run(workspace.Root, Environment, "bounces", "fetch");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error + dovecot.Log);
        AssertRecorded(workspace);
        Assert.That(dovecot.Count(), Is.EqualTo(0));
    }

    [Test]
    public void Fetch_Pop3_RecordsSuppressesDeletesAndCountsNothingTwiceOnARerun()
    {
        using var dovecot = new DovecotServer();
        using var workspace = Workspace(bounces =>
        {
            bounces["mailbox"] = $"pop3://{DovecotServer.User}@127.0.0.1:{dovecot.Pop3Port}";
            bounces["security"] = "none";
        });
        dovecot.Deliver(FixturePaths());

        var first = NewsletterCli.Run(workspace.Root, Environment, "bounces", "fetch");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error + dovecot.Log);
        Assert.That(first.Output, Does.Contain("4 reports: hard 1, soft 1, complaints 1, not bounces 1, unmatched 0, suppressed 2, already recorded 0"));
        AssertRecorded(workspace);
        Assert.That(dovecot.Count(), Is.EqualTo(0));

        dovecot.Deliver(FixturePaths());
        var again = NewsletterCli.Run(workspace.Root, Environment, "bounces", "fetch");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Output, Does.Contain("already recorded 3"));
        AssertRecorded(workspace);
        Assert.That(dovecot.Count(), Is.EqualTo(0));
    }

    [Test]
    public void Fetch_SelfSignedCertificateNotAllowed_FailsAndLeavesTheMail()
    {
        using var dovecot = new DovecotServer();
        using var workspace = Workspace(bounces => bounces["mailbox"] = $"imaps://{DovecotServer.User}@127.0.0.1:{dovecot.ImapsPort}/INBOX");
        dovecot.Deliver(FixturePaths());
        var result = NewsletterCli.Run(workspace.Root, Environment, "bounces", "fetch");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.StartWith($"error: imaps://127.0.0.1:{dovecot.ImapsPort}/INBOX: "));
        Assert.That(workspace.Count("SELECT count(*) FROM bounces"), Is.EqualTo(0));
        Assert.That(dovecot.Count(), Is.EqualTo(4));
    }

    [Test]
    public void Fetch_WrongPassword_FailsWithoutShowingIt()
    {
        using var dovecot = new DovecotServer();
        using var workspace = Workspace(bounces =>
        {
            bounces["mailbox"] = $"pop3://{DovecotServer.User}@127.0.0.1:{dovecot.Pop3Port}";
            bounces["security"] = "none";
        });
        var result = NewsletterCli.Run(workspace.Root, new Dictionary<string, string> { ["NEWSLETTER_BOUNCES_PASSWORD"] = "not-the-password" },
            "bounces", "fetch");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain($"pop3://127.0.0.1:{dovecot.Pop3Port}").And.Not.Contain("not-the-password"));
    }

    private static TestWorkspace Workspace(Action<JsonObject> bounces)
    {
        var workspace = new TestWorkspace();
        foreach (var email in new[] { "userunknown@libsisimai.net", "mailboxfull@libsisimai.net", "kijitora@example.com" })
            Assert.That(workspace.Run("subscribers", "add", email).ExitCode, Is.EqualTo(0));
        var section = new JsonObject();
        bounces(section);
        workspace.Configure(json => json["bounces"] = section);
        return workspace;
    }

    private static void AssertRecorded(TestWorkspace workspace)
    {
        Assert.That(workspace.Count("SELECT count(*) FROM bounces"), Is.EqualTo(3));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'userunknown@libsisimai.net' AND status = 'bounced'"), Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'kijitora@example.com' AND status = 'complained'"), Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'mailboxfull@libsisimai.net' AND status = 'active'"), Is.EqualTo(1));
    }
}
