// `transport: sendmail:PATH` through the real CLI, with a small fake sendmail program written by the test.
using Newsletter.Integration.Tests.Support;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Delivery;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SendmailSendTests
{
    // Records its arguments and standard input per recipient; answers with sysexits.h codes chosen by the local part.
    private const string FakeSendmail = """
        #!/bin/sh
        out="$(dirname "$0")/received"
        mkdir -p "$out"
        for rcpt; do :; done
        printf '%s\n' "$@" > "$out/$rcpt.args"
        cat > "$out/$rcpt.eml"
        case "$rcpt" in
          tempfail-*) echo "cannot write queue file" >&2; exit 75 ;;
          nouser-*) echo "user unknown" >&2; exit 67 ;;
        esac
        exit 0
        """;

    [Test]
    public void Send_ThroughSendmail_PipesEachMessageAndMapsExitCodes()
    {
        using var workspace = new TestWorkspace();
        var sendmail = workspace.Write("bin/sendmail", FakeSendmail.Replace("\r\n", "\n") + "\n");
        File.SetUnixFileMode(sendmail, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        workspace.Configure(c => c["transport"] = $"sendmail:{sendmail}");
        workspace.Write("list.csv", "email,name\nada@example.com,Ada\ntempfail-bob@example.com,Bob\nnouser-eve@example.com,Eve\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var send = workspace.Run("send", "--force", issue);
        Assert.That(send.ExitCode, Is.EqualTo(3), send.Output + send.Error);
        Assert.That(send.Output, Does.Contain("through sendmail " + sendmail));

        var received = workspace.PathOf("bin/received");
        Assert.That(File.ReadAllLines(Path.Combine(received, "ada@example.com.args")),
            Is.EqualTo(new[] { "-i", "-f", "newsletter@example.com", "--", "ada@example.com" }));
        var message = File.ReadAllBytes(Path.Combine(received, "ada@example.com.eml"));
        Assert.That(message.AsSpan().IndexOf("\r\n"u8), Is.EqualTo(-1), "local submission uses LF line ends");
        var parsed = StrictParser.ParseFile(Path.Combine(received, "ada@example.com.eml"));
        Assert.That(parsed.GetProperty("subject").GetString(), Is.EqualTo("Résumé: failure as a feature ✨"), parsed.ToString());

        Assert.That(workspace.Count("SELECT count(*) FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id " +
            "WHERE s.email = 'ada@example.com' AND d.status = 'sent'"), Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id " +
            "WHERE s.email = 'tempfail-bob@example.com' AND d.status = 'soft-failed' AND d.last_error LIKE '%exited with 75: cannot write queue file'"), Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'nouser-eve@example.com' AND status = 'bounced'"), Is.EqualTo(1));
    }
}
