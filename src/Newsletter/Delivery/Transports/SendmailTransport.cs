// The `sendmail:PATH` transport: hands each message to the local MTA, which queues, signs (DKIM) and relays it.
using System.Diagnostics;
using MimeKit;
using Newsletter.Delivery.Messages;

namespace Newsletter.Delivery.Transports;

/// <summary>
/// Pipes each message to <c>PATH -i -f FROM -- RCPT</c>, the command line every sendmail-compatible MTA (Postfix,
/// Exim, OpenSMTPD, msmtp) accepts. Lines end in LF, the local submission convention; <c>-i</c> keeps a lone dot
/// from ending the message. Exit codes follow sysexits.h: 0 accepted; 65 (EX_DATAERR), 67 (EX_NOUSER) and
/// 68 (EX_NOHOST) a hard bounce; anything else (75 EX_TEMPFAIL above all) deferred.
/// </summary>
/// <param name="path">Absolute path of the sendmail program.</param>
/// <param name="concurrency">How many sendmail processes may run at once.</param>
public sealed class SendmailTransport(string path, int concurrency) : IDeliveryTransport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The sendmail program.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public string Description => $"sendmail {Path}";

    /// <inheritdoc />
    public int Concurrency { get; } = Math.Max(1, concurrency);

    /// <inheritdoc />
    /// <exception cref="System.ComponentModel.Win32Exception">The program cannot be started (missing, not executable).</exception>
    public async Task<TransportResult> SendAsync(string envelopeFrom, string recipient, MimeMessage message, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-i", "-f", envelopeFrom, "--", recipient }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Path}");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await message.WriteToAsync(WireFormat.LocalOptions, process.StandardInput.BaseStream, cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading everything; its exit code says why.
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            return new TransportResult(TransportOutcome.Deferred, $"{Path} did not finish within {Timeout.TotalSeconds:0} s");
        }
        var detail = $"{Path} exited with {process.ExitCode}: {(await error + await output).Trim()}";
        return process.ExitCode switch
        {
            0 => TransportResult.Accepted,
            65 or 67 or 68 => new TransportResult(TransportOutcome.Rejected, detail),
            _ => new TransportResult(TransportOutcome.Deferred, detail),
        };
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
