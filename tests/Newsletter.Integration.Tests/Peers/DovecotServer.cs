// A real Dovecot IMAP and POP3 server on 127.0.0.1 with its own configuration, Maildir and user, in a temp folder.
using System.Diagnostics;
using System.Net.Sockets;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Peers;

public sealed class DovecotServer : IDisposable
{
    public const string User = "bounces";
    public const string Password = "bounce-mailbox-secret";
    private const string InstallHint = "dovecot-imapd and dovecot-pop3d are required: apt-get install -y dovecot-imapd dovecot-pop3d";
    private readonly Process _process;
    private readonly TestCertificate _certificate = new();
    private readonly string _root;

    public DovecotServer()
    {
        if (!File.Exists("/usr/sbin/dovecot") || !File.Exists("/usr/lib/dovecot/imap") || !File.Exists("/usr/lib/dovecot/pop3"))
            Assert.Fail(InstallHint);
        _root = Directory.CreateTempSubdirectory("newsletter-dovecot-").FullName;
        // The mail processes run as the mail user, which must be able to reach the Maildir through this folder.
        Run("chmod", "755", _root);
        Directory.CreateDirectory(Path.Combine(_root, "run"));
        foreach (var sub in new[] { "cur", "new", "tmp" }) Directory.CreateDirectory(Path.Combine(Maildir, sub));
        File.WriteAllText(Path.Combine(_root, "passwd"), $"{User}:{{PLAIN}}{Password}\n");
        ImapsPort = TestWorkspace.FreePort();
        Pop3Port = TestWorkspace.FreePort();
        var (mailUser, mailGroup, internalUser, loginUser) = Users();
        Chown(Maildir, mailUser, mailGroup);
        var config = Path.Combine(_root, "dovecot.conf");
        File.WriteAllText(config, Config(mailUser, mailGroup, internalUser, loginUser));
        var start = new ProcessStartInfo("/usr/sbin/dovecot") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-F", "-c", config }) start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        WaitForPort(ImapsPort);
        WaitForPort(Pop3Port);
    }

    public int ImapsPort { get; }

    public int Pop3Port { get; }

    public string Maildir => Path.Combine(_root, "mail", User);

    public string Log => File.Exists(Path.Combine(_root, "dovecot.log")) ? File.ReadAllText(Path.Combine(_root, "dovecot.log")) : "";

    /// <summary>Delivers fixture files into the inbox as new mail.</summary>
    public void Deliver(IEnumerable<string> files)
    {
        var (mailUser, mailGroup, _, _) = Users();
        var n = 0;
        foreach (var file in files)
        {
            var target = Path.Combine(Maildir, "new", $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Guid.NewGuid():N}.{n++}.test");
            File.Copy(file, target);
            Chown(target, mailUser, mailGroup);
        }
    }

    /// <summary>Messages in a folder of the Maildir ("" for the inbox, else e.g. "Processed").</summary>
    public int Count(string folder = "")
    {
        var path = folder.Length == 0 ? Maildir : Path.Combine(Maildir, "." + folder);
        return new[] { "cur", "new" }.Select(d => Path.Combine(path, d)).Where(Directory.Exists)
            .Sum(d => Directory.EnumerateFiles(d).Count());
    }

    public void Dispose()
    {
        try
        {
            // SIGTERM lets the master stop its own children; SIGKILL only if it does not.
            if (!_process.HasExited) Run("kill", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
            _certificate.Dispose();
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private string Config(string mailUser, string mailGroup, string internalUser, string loginUser) => $$"""
        base_dir = {{_root}}/run
        state_dir = {{_root}}/state
        log_path = {{_root}}/dovecot.log
        protocols = imap pop3
        listen = 127.0.0.1
        ssl = yes
        ssl_cert = <{{_certificate.CertPath}}
        ssl_key = <{{_certificate.KeyPath}}
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        default_internal_user = {{internalUser}}
        default_internal_group = {{mailGroup}}
        default_login_user = {{loginUser}}
        mail_location = maildir:{{_root}}/mail/%u
        first_valid_uid = 1
        pop3_uidl_format = %08Xu%08Xv
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%u {{_root}}/passwd
        }
        userdb {
          driver = static
          args = uid={{mailUser}} gid={{mailGroup}} home={{_root}}/mail/%u
        }
        service imap-login {
          inet_listener imap {
            port = 0
          }
          inet_listener imaps {
            address = 127.0.0.1
            port = {{ImapsPort}}
          }
        }
        service pop3-login {
          inet_listener pop3 {
            address = 127.0.0.1
            port = {{Pop3Port}}
          }
          inet_listener pop3s {
            port = 0
          }
        }
        """;

    // As root, Dovecot refuses to give mail to root: mail belongs to nobody and its own users run the services.
    // As any other user, everything runs as that user.
    private static (string MailUser, string MailGroup, string InternalUser, string LoginUser) Users()
    {
        var user = Environment.UserName;
        if (user == "root") return ("nobody", "nogroup", "dovecot", "dovenull");
        var group = Run("id", "-gn").Trim();
        return (user, group, user, user);
    }

    private static void Chown(string path, string user, string group)
    {
        if (Environment.UserName != "root") return;
        Run("chown", "-R", $"{user}:{group}", path);
    }

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private void WaitForPort(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) Assert.Fail($"dovecot exited ({_process.ExitCode}): {_process.StandardError.ReadToEnd()} {Log}");
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        Assert.Fail($"dovecot did not listen on 127.0.0.1:{port}: {Log}");
    }
}
