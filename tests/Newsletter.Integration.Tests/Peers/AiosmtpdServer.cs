// Starts and stops the aiosmtpd-based test server (Peers/smtp_server.py) and reads back what it stored.
using System.Diagnostics;
using System.Text.Json;

namespace Newsletter.Integration.Tests.Peers;

/// <summary>A real SMTP server on 127.0.0.1, run as a child process and stopped by its process id.</summary>
public sealed class AiosmtpdServer : IDisposable
{
    private const string InstallHint = "python3-aiosmtpd is required: apt-get install -y python3-aiosmtpd openssl";
    private readonly Process _process;

    private AiosmtpdServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>Starts the server; fails the test (never skips) when Python or aiosmtpd is missing.</summary>
    public static AiosmtpdServer Start(TestCertificate? certificate = null, bool implicitTls = false, string? auth = null, bool faulty = false,
        string? refuseRecipients = null)
    {
        if (!File.Exists(StrictParser.Python))
        {
            Assert.Fail($"{StrictParser.Python} is missing. {InstallHint}");
        }

        string maildir = Path.Combine(Path.GetTempPath(), "newsletter-peers", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(maildir);
        var psi = new ProcessStartInfo(StrictParser.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(StrictParser.PeersDirectory, "smtp_server.py"));
        psi.ArgumentList.Add("--maildir");
        psi.ArgumentList.Add(maildir);
        if (certificate is not null)
        {
            psi.ArgumentList.Add("--cert");
            psi.ArgumentList.Add(certificate.CertPath);
            psi.ArgumentList.Add("--key");
            psi.ArgumentList.Add(certificate.KeyPath);
        }

        if (implicitTls)
        {
            psi.ArgumentList.Add("--implicit-tls");
        }

        if (auth is not null)
        {
            psi.ArgumentList.Add("--auth");
            psi.ArgumentList.Add(auth);
        }

        if (faulty)
        {
            psi.ArgumentList.Add("--faulty");
        }

        if (refuseRecipients is not null)
        {
            psi.ArgumentList.Add("--refuse-rcpt");
            psi.ArgumentList.Add(refuseRecipients);
        }

        var process = Process.Start(psi)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(20)) || line.Result is null)
        {
            Stop(process);
            Assert.Fail($"The aiosmtpd test server did not start within 20 s. {InstallHint}");
        }

        string ready = line.Result!;
        if (!ready.StartsWith("READY ", StringComparison.Ordinal))
        {
            Stop(process);
            Assert.Fail($"The aiosmtpd test server failed: '{ready}'. {InstallHint}");
        }

        return new AiosmtpdServer(process, int.Parse(ready[6..], System.Globalization.CultureInfo.InvariantCulture), maildir);
    }

    /// <summary>
    /// How many messages each recipient received, read from the envelope log alone: thousands of messages make a
    /// per-message directory scan (<see cref="Messages"/>) slow.
    /// </summary>
    public Dictionary<string, int> RecipientCounts()
    {
        var counts = new Dictionary<string, int>();
        var log = Path.Combine(Maildir, "envelopes.jsonl");
        if (!File.Exists(log)) return counts;
        foreach (var line in File.ReadLines(log))
            foreach (var recipient in JsonDocument.Parse(line).RootElement.GetProperty("rcpt_tos").EnumerateArray())
                counts[recipient.GetString()!] = counts.GetValueOrDefault(recipient.GetString()!) + 1;
        return counts;
    }

    /// <summary>The envelopes of stored messages, in arrival order.</summary>
    public List<StoredMessage> Messages()
    {
        string log = Path.Combine(Maildir, "envelopes.jsonl");
        if (!File.Exists(log))
        {
            return [];
        }

        var result = new List<StoredMessage>();
        foreach (string line in File.ReadAllLines(log))
        {
            var json = JsonDocument.Parse(line).RootElement;
            string key = json.GetProperty("key").GetString()!;
            string file = Directory.GetFiles(Path.Combine(Maildir, "new"), key + "*").Single();
            result.Add(new StoredMessage(
                json.GetProperty("mail_from").GetString()!,
                json.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString()!).ToList(),
                json.GetProperty("mail_options").EnumerateArray().Select(r => r.GetString()!).ToList(),
                file));
        }

        return result;
    }

    public void Dispose()
    {
        Stop(_process);
        try
        {
            Directory.Delete(Maildir, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files do no harm.
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // Only this child, by its id; the server has no children of its own.
                Process.GetProcessById(process.Id).Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}

public sealed record StoredMessage(string MailFrom, List<string> Recipients, List<string> MailOptions, string Path);
