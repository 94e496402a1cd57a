// Writes an import row's custom fields as the JSON object stored in `subscribers.fields`.
using System.Buffers;
using System.Text.Json;

namespace Newsletter.Audience;

/// <summary>
/// Builds <c>{"plan":"pro","city":"Lima"}</c> from the non-empty field columns of a row, reusing one buffer and
/// one <see cref="Utf8JsonWriter"/> for every row of an import. Not thread-safe: one per import.
/// </summary>
internal sealed class FieldsJson : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public FieldsJson() => _writer = new Utf8JsonWriter(_buffer);

    /// <summary>The object of <paramref name="fields"/> in their order, such as <c>{"plan":"pro"}</c>; <c>{}</c> for none.</summary>
    public string Write(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        if (fields.Count == 0) return "{}";
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        foreach (var (name, value) in fields) _writer.WriteString(name, value);
        _writer.WriteEndObject();
        _writer.Flush();
        return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose() => _writer.Dispose();
}
