// Buffers command lines so a pipelined batch goes out in one write.
using System.Text;

namespace Newsletter.Mail.Smtp;

/// <summary>
/// Collects command lines (each ended with CRLF) and sends them with a single write per flush, so a pipelined
/// MAIL/RCPT/DATA batch (RFC 2920 §3.1) costs one segment rather than one per command.
/// </summary>
internal sealed class SmtpCommandWriter(SmtpTransport transport)
{
    private byte[] _buffer = new byte[4096];
    private int _length;

    /// <summary>Queues one command line.</summary>
    /// <exception cref="ArgumentException">The command contains CR or LF (which would inject a second command).</exception>
    public void Append(string command)
    {
        if (command.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("An SMTP command or its arguments must not contain CR or LF.", nameof(command));
        }

        int max = Encoding.UTF8.GetMaxByteCount(command.Length) + 2;
        if (_buffer.Length - _length < max)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + max));
        }

        _length += Encoding.UTF8.GetBytes(command, 0, command.Length, _buffer, _length);
        _buffer[_length++] = (byte)'\r';
        _buffer[_length++] = (byte)'\n';
    }

    /// <summary>Sends everything queued in one write.</summary>
    public async ValueTask FlushAsync(CancellationToken ct)
    {
        if (_length == 0)
        {
            return;
        }

        int length = _length;
        _length = 0;
        await transport.WriteAsync(_buffer.AsMemory(0, length), ct).ConfigureAwait(false);
    }
}
