// A growable byte buffer the MIME writer appends to, so a whole message is produced in one contiguous block.
using System.Text;

namespace Newsletter.Mail.Mime;

/// <summary>Append-only byte buffer with helpers for ASCII text and CRLF line ends.</summary>
internal sealed class MimeOutput
{
    private byte[] _buffer;
    private int _length;

    public MimeOutput(int initialCapacity = 4096) => _buffer = new byte[Math.Max(initialCapacity, 256)];

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    /// <summary>Appends text that the caller guarantees is 7-bit ASCII without CR or LF.</summary>
    public void Ascii(string text)
    {
        var span = GetSpan(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c > 0x7E || c == '\r' || c == '\n')
            {
                // A guard against our own bugs: a header or delimiter must never carry raw 8-bit or line breaks.
                throw new InvalidOperationException($"Internal error: non-ASCII or line break in header text at index {i}.");
            }

            span[i] = (byte)c;
        }

        _length += text.Length;
    }

    public void Byte(byte value)
    {
        GetSpan(1)[0] = value;
        _length++;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _length += bytes.Length;
    }

    public void Crlf()
    {
        var span = GetSpan(2);
        span[0] = (byte)'\r';
        span[1] = (byte)'\n';
        _length += 2;
    }

    /// <summary>True when the buffer is empty or ends with CRLF.</summary>
    public bool EndsWithCrlf => _length == 0 || (_length >= 2 && _buffer[_length - 2] == '\r' && _buffer[_length - 1] == '\n');

    /// <summary>Returns a writable span of at least <paramref name="size"/> bytes; call <see cref="Advance"/> afterwards.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (_buffer.Length - _length < size)
        {
            int newSize = Math.Max(_buffer.Length * 2, _length + size);
            Array.Resize(ref _buffer, newSize);
        }

        return _buffer.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public override string ToString() => Encoding.ASCII.GetString(WrittenSpan);
}
