// Runs Debian's Python email package in strict mode on a message and returns what it understood.
using System.Diagnostics;
using System.Text.Json;

namespace Newsletter.Mail.Tests.Support;

/// <summary>Wraps <c>Peers/parse_eml.py</c>, run by the system interpreter <c>/usr/bin/python3</c>.</summary>
public static class StrictParser
{
    public const string Python = "/usr/bin/python3";

    public static string PeersDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "Peers");

    /// <summary>Parses <paramref name="message"/> and returns the JSON document; fails the test on parser errors or defects.</summary>
    public static JsonElement Parse(byte[] message)
    {
        string file = Path.Combine(Path.GetTempPath(), $"mail-{Guid.NewGuid():N}.eml");
        File.WriteAllBytes(file, message);
        try
        {
            return ParseFile(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static JsonElement ParseFile(string path)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is missing; the MIME round-trip tests need Debian's python3 (apt-get install -y python3).");
        }

        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(PeersDirectory, "parse_eml.py"));
        psi.ArgumentList.Add(path);
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(psi)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "parse_eml.py failed: " + stderr);
        var json = JsonDocument.Parse(stdout).RootElement.Clone();
        Assert.That(json.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null), "Strict parser error: " + json.GetProperty("error"));
        Assert.That(AllDefects(json), Is.Empty, "Parser defects");
        return json;
    }

    private static List<string> AllDefects(JsonElement json)
    {
        var defects = json.GetProperty("defects").EnumerateArray().Select(d => d.GetString()!).ToList();
        void Walk(JsonElement part)
        {
            defects.AddRange(part.GetProperty("defects").EnumerateArray().Select(d => d.GetString()!));
            if (part.TryGetProperty("children", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child);
                }
            }
        }

        Walk(json.GetProperty("structure"));
        return defects;
    }
}
