// Runs dkimpy (Debian's python3-dkim) on signed messages, with the public key given directly instead of from DNS.
using System.Diagnostics;
using System.Security.Cryptography;

namespace Newsletter.Integration.Tests.Peers;

/// <summary>Wraps <c>Peers/verify_dkim.py</c>, run by <c>/usr/bin/python3</c>.</summary>
public static class DkimVerifier
{
    /// <summary>The DNS TXT record of <paramref name="key"/>'s public half (RFC 6376 §3.6.1).</summary>
    public static string TxtRecord(RSA key) => "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <summary>Verifies each file; returns one verdict line per file ("PASS path" or "FAIL path reason").</summary>
    public static List<string> Verify(RSA key, params string[] files)
    {
        var record = Path.Combine(Path.GetTempPath(), $"dkim-{Guid.NewGuid():N}.txt");
        File.WriteAllText(record, TxtRecord(key));
        try
        {
            var psi = new ProcessStartInfo(StrictParser.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(StrictParser.PeersDirectory, "verify_dkim.py"));
            psi.ArgumentList.Add(record);
            foreach (var file in files) psi.ArgumentList.Add(file);
            using var process = Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"verify_dkim.py failed: {output}{error}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        finally
        {
            File.Delete(record);
        }
    }
}
