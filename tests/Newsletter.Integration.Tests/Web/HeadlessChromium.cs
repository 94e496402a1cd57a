// Debian's chromium, headless, driven over the DevTools protocol (JSON messages on a WebSocket).
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Newsletter.Integration.Tests.Web;

public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;
    private string? _session;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<HeadlessChromium> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("newsletter-chromium-").FullName;
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
                     "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessChromium(process, profile);
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        for (var i = 0; i < 300 && !File.Exists(portFile); i++) await Task.Delay(100);
        Assert.That(File.Exists(portFile), "chromium did not open its DevTools port within 30 seconds");
        await Task.Delay(100);
        var lines = await File.ReadAllLinesAsync(portFile);
        await browser._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"), CancellationToken.None);
        return browser;
    }

    // A new tab, attached so Runtime and Page commands go to it.
    public async Task OpenTabAsync(string url)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = url }, session: false);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, session: false);
        _session = attached["sessionId"]!.GetValue<string>();
    }

    public async Task<string> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        return result["result"]?["value"]?.ToString() ?? "";
    }

    public async Task<string> WaitForTextAsync(string text, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        var body = "";
        while (DateTime.UtcNow < until)
        {
            body = await EvaluateAsync("document.readyState === 'complete' && document.body ? document.body.innerText : ''");
            if (body.Contains(text)) return body;
            await Task.Delay(200);
        }
        Assert.Fail($"the page never showed '{text}'; it showed:\n{body}");
        return body;
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, bool session = true)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session && _session is not null) message["sessionId"] = _session;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var reply = JsonNode.Parse(await ReceiveAsync(timeout.Token))!;
            if (reply["id"]?.GetValue<int>() != id) continue;   // events and other replies
            if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            return reply["result"]!;
        }
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
