// The HTML of the preview page: the email at desktop and phone widths, light and dark, the text part beside it.
using System.Net;

namespace Newsletter.Cli.Commands;

/// <summary>Builds the preview page and the light/dark variants of the email it frames.</summary>
internal static class PreviewPage
{
    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Forces the email's dark-mode rules on (<c>dark</c>) or off (<c>light</c>), whatever the viewer's own setting.</summary>
    public static string WithScheme(string html, string scheme) =>
        html.Replace("(prefers-color-scheme: dark)", scheme == "dark" ? "all" : "not all", StringComparison.Ordinal)
            .Replace("<meta name=\"color-scheme\" content=\"light dark\">", $"<meta name=\"color-scheme\" content=\"{scheme}\">", StringComparison.Ordinal);

    /// <summary>The page shown while the issue or a template has an error.</summary>
    public static string Error(string message) =>
        $"<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><body style=\"font-family: monospace; color: #cf222e; padding: 16px;\"><pre style=\"white-space: pre-wrap;\">{E(message)}</pre></body></html>";

    /// <summary>The whole preview page for <paramref name="subscriber"/> (empty for the sample subscriber).</summary>
    public static string Render(string title, string subscriber, IReadOnlyList<string> subscribers, string version)
    {
        var query = subscriber.Length > 0 ? "subscriber=" + Uri.EscapeDataString(subscriber) + "&" : "";
        var options = string.Concat(subscribers.Select(s => $"<option{(s == subscriber ? " selected" : "")}>{E(s)}</option>"));
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Preview: {{E(title)}}</title>
            <style>
            body { margin: 0; font-family: -apple-system, "Segoe UI", Roboto, sans-serif; background: #e5e7eb; color: #1f2328; }
            header { padding: 10px 16px; background: #1f2328; color: #fff; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
            header h1 { font-size: 16px; margin: 0; }
            main { display: flex; gap: 16px; padding: 16px; align-items: flex-start; overflow-x: auto; }
            figure { margin: 0; }
            figcaption { font-size: 12px; margin-bottom: 4px; color: #57606a; }
            iframe { border: 1px solid #9ca3af; background: #fff; height: 3200px; } /* tall, so the page scrolls and the frames keep their full width */
            .desktop { width: 680px; } .phone { width: 375px; } .text { width: 640px; }
            #status { font-size: 12px; color: #9ca3af; }
            </style>
            </head>
            <body>
            <header>
            <h1>{{E(title)}}</h1>
            <form method="get"><label>Subscriber <select name="subscriber" onchange="this.form.submit()"><option value="">Sample subscriber (ada@example.com)</option>{{options}}</select></label></form>
            <span id="status">reloads when the issue, a template or the config changes</span>
            </header>
            <main>
            <figure><figcaption>Desktop, light</figcaption><iframe class="desktop" src="/email.html?{{query}}scheme=light" title="Desktop, light"></iframe></figure>
            <figure><figcaption>Phone (375 px), light</figcaption><iframe class="phone" src="/email.html?{{query}}scheme=light" title="Phone, light"></iframe></figure>
            <figure><figcaption>Desktop, dark</figcaption><iframe class="desktop" src="/email.html?{{query}}scheme=dark" title="Desktop, dark"></iframe></figure>
            <figure><figcaption>Phone (375 px), dark</figcaption><iframe class="phone" src="/email.html?{{query}}scheme=dark" title="Phone, dark"></iframe></figure>
            <figure><figcaption>Plain-text part</figcaption><iframe class="text" src="/email.txt?{{query}}" title="Plain-text part"></iframe></figure>
            </main>
            <script>
            // Polls the version stamp; any change to the issue, a template or the config reloads every frame.
            let version = "{{version}}";
            setInterval(async () => {
              try {
                const now = await (await fetch("/version", { cache: "no-store" })).text();
                if (now !== version) { version = now; document.querySelectorAll("iframe").forEach(f => f.contentWindow.location.reload()); document.getElementById("status").textContent = "reloaded " + new Date().toLocaleTimeString(); }
              } catch { document.getElementById("status").textContent = "preview stopped"; }
            }, 1000);
            </script>
            </body>
            </html>
            """;
    }
}
