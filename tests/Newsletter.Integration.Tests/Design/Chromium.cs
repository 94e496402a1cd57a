// Drives Debian's headless Chromium: screenshots and a DOM dump after a measuring script has run in the page.
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Newsletter.Integration.Tests.Design;

public static partial class Chromium
{
    // What the page reports about itself once laid out: horizontal overflow, poll options (and the rows they take) and the colour scheme.
    private const string Probe = """
        <script>
        (function () {
          var root = document.documentElement;
          var width = window.innerWidth;
          var options = Array.prototype.slice.call(document.querySelectorAll('a.poll-option'));
          var visible = options.filter(function (a) {
            var r = a.getBoundingClientRect(), s = getComputedStyle(a);
            return s.display !== 'none' && s.visibility !== 'hidden' && r.height >= 44 && r.left >= 0 && r.right <= width;
          });
          var tops = {};
          options.forEach(function (a) { tops[Math.round(a.getBoundingClientRect().top)] = true; });
          var container = document.querySelector('.container');
          window.parent.document.body.setAttribute('data-probe', JSON.stringify({
            width: width,
            scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth),
            options: options.length,
            visibleOptions: visible.length,
            optionRows: Object.keys(tops).length,
            dark: matchMedia('(prefers-color-scheme: dark)').matches,
            containerBackground: container ? getComputedStyle(container).backgroundColor : ''
          }));
        })();
        </script>
        """;

    public static string Executable()
    {
        foreach (var name in new[] { "chromium", "chromium-browser" })
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        Assert.Fail("Debian's chromium is not installed; run tests/install-peers.sh");
        return "";
    }

    // Headless windows are at least 500 px wide, so the email is framed at the exact width under test; a srcdoc
    // frame shares its parent's origin, which lets the probe report to the page Chromium dumps.
    public static void Screenshot(string htmlFile, int width, bool dark, string pngFile) =>
        Run(Framed(htmlFile, width, dark, File.ReadAllText(htmlFile), "shot"), width, dark, $"--screenshot={pngFile}", "--hide-scrollbars");

    public static JsonElement Measure(string htmlFile, int width, bool dark)
    {
        var probed = File.ReadAllText(htmlFile).Replace("</body>", Probe + "</body>", StringComparison.Ordinal);
        var dom = Run(Framed(htmlFile, width, dark, probed, "probe"), width, dark, "--dump-dom");
        var match = ProbeAttribute().Match(dom);
        Assert.That(match.Success, Is.True, "the probe script did not run:\n" + dom[..Math.Min(dom.Length, 500)]);
        return JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)).RootElement.Clone();
    }

    private static string Framed(string htmlFile, int width, bool dark, string html, string purpose)
    {
        var host = Path.ChangeExtension(htmlFile, $".{purpose}-{width}-{(dark ? "dark" : "light")}.html");
        File.WriteAllText(host, $"<!DOCTYPE html><html><body style=\"margin: 0; background: #9ca3af;\"><iframe width=\"{width}\" height=\"{Height}\" " +
            $"style=\"border: 0; display: block;\" srcdoc=\"{html.Replace("&", "&amp;").Replace("\"", "&quot;")}\"></iframe></body></html>");
        return host;
    }

    private const int Height = 2600;

    private static string Run(string htmlFile, int width, bool dark, params string[] extra)
    {
        var profile = Directory.CreateTempSubdirectory("newsletter-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
                // Offline and quick: every host name fails to resolve, so remote images are simply missing.
                "--host-resolver-rules=MAP * ~NOTFOUND",
                // Blink's preferredColorScheme: 0 is dark, 1 is light.
                "--blink-settings=preferredColorScheme=" + (dark ? 0 : 1),
                $"--window-size={Math.Max(width, 500)},{Height}",
            }) start.ArgumentList.Add(arg);
            foreach (var arg in extra) start.ArgumentList.Add(arg);
            start.ArgumentList.Add(new Uri(htmlFile).AbsoluteUri);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish in 90 s");
            }
            Assert.That(process.ExitCode, Is.EqualTo(0), error.Result);
            return output.Result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    [GeneratedRegex("data-probe=\"([^\"]*)\"")]
    private static partial Regex ProbeAttribute();
}
