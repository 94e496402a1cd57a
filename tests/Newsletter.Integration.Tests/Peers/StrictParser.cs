// Runs Debian's Python email package in strict mode on a message and returns what it understood.
using System.Diagnostics;
using System.Text.Json;

namespace Newsletter.Integration.Tests.Peers;

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

    /// <summary>Parses many messages in one interpreter run; returns the raw documents without asserting on them.</summary>
    public static List<JsonElement> ParseBatch(IReadOnlyList<byte[]> messages)
    {
        string dir = Path.Combine(Path.GetTempPath(), "newsletter-peers", "batch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var paths = new List<string>();
            for (int i = 0; i < messages.Count; i++)
            {
                string file = Path.Combine(dir, $"{i}.eml");
                File.WriteAllBytes(file, messages[i]);
                paths.Add(file);
            }

            // Two paths at least, so the script always answers with an array.
            if (paths.Count == 1)
            {
                paths.Add(paths[0]);
            }

            var json = Run(paths);
            return json.EnumerateArray().Take(messages.Count).ToList();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The parse error and every defect of a document, or an empty list.</summary>
    public static List<string> Problems(JsonElement json)
    {
        if (json.GetProperty("error").ValueKind != JsonValueKind.Null)
        {
            return [json.GetProperty("error").GetString()!];
        }

        return AllDefects(json);
    }

    public static JsonElement ParseFile(string path)
    {
        var json = Run([path]);
        Assert.That(json.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null), "Strict parser error: " + json.GetProperty("error"));
        Assert.That(AllDefects(json), Is.Empty, "Parser defects");
        return json;
    }

    private static JsonElement Run(IReadOnlyList<string> paths)
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
        foreach (string path in paths)
        {
            psi.ArgumentList.Add(path);
        }

        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(psi)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "parse_eml.py failed: " + stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
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
