// One protocol log file for all of a send's SMTP connections, each line tagged with its connection.
using System.Text;
using MailKit;
using Newsletter.Configuration;

namespace Newsletter.Delivery.Smtp;

/// <summary>
/// Appends every connection's SMTP conversation to one file (<c>--smtp-log FILE</c>) through MailKit's
/// <see cref="ProtocolLogger"/>, which redacts AUTH secrets. Lines are prefixed <c>C3: </c> (client) and
/// <c>S3: </c> (server) with the connection's number and written whole, so concurrent connections never interleave
/// inside a line. The file is created owner-only (0600), since it holds recipient addresses. Thread-safe.
/// </summary>
public sealed class SmtpProtocolLog : IDisposable
{
    private readonly Lock _lock = new();
    private readonly FileStream _file;
    private int _connections;

    /// <summary>Opens <paramref name="path"/> for appending, creating it when missing.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder is not writable.</exception>
    public SmtpProtocolLog(string path)
    {
        Path = RunEnvironment.Current.FullPath(path);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        _file = new FileStream(Path, options);
    }

    /// <summary>The log file's absolute path.</summary>
    public string Path { get; }

    /// <summary>A logger for one new connection; MailKit disposes of it with its client.</summary>
    public IProtocolLogger ForConnection()
    {
        var number = Interlocked.Increment(ref _connections);
        return new ProtocolLogger(new LineStream(this), leaveOpen: false)
        {
            ClientPrefix = $"C{number}: ",
            ServerPrefix = $"S{number}: ",
            LogTimestamps = true,
            RedactSecrets = true,
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock) _file.Dispose();
    }

    private void WriteLines(ReadOnlySpan<byte> lines)
    {
        lock (_lock)
        {
            _file.Write(lines);
            _file.Flush();
        }
    }

    // Gathers what one connection's logger writes and hands it on a whole line at a time.
    private sealed class LineStream(SmtpProtocolLog log) : Stream
    {
        private readonly MemoryStream _pending = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _pending.Write(buffer, offset, count);
            var written = _pending.GetBuffer().AsSpan(0, (int)_pending.Length);
            var end = written.LastIndexOf((byte)'\n');
            if (end < 0) return;
            log.WriteLines(written[..(end + 1)]);
            var rest = written[(end + 1)..].ToArray();
            _pending.SetLength(0);
            _pending.Write(rest);
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && _pending.Length > 0)
            {
                _pending.Write(Encoding.ASCII.GetBytes("\r\n"));
                log.WriteLines(_pending.GetBuffer().AsSpan(0, (int)_pending.Length));
            }
            base.Dispose(disposing);
        }
    }
}
