// `subscribers export`: the list as CSV that `subscribers import` reads back, or as JSON.
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Newsletter.Text;

namespace Newsletter.Audience.Export;

/// <summary>Export formats.</summary>
public enum ExportFormat
{
    /// <summary>
    /// RFC 4180 CSV, UTF-8: <c>email,name,first_name,last_name,tags,status</c> then one column per custom field; import
    /// reads it back. The name columns hold what was imported, empty when the list gave none.
    /// Cells that a spreadsheet would run as a formula carry a leading apostrophe (see <see cref="Text.CsvFormulaGuard"/>).
    /// </summary>
    Csv,
    /// <summary>A JSON array (RFC 8259) of objects with every stored fact, timestamps included.</summary>
    Json,
}

/// <summary>
/// Streams subscribers to a writer one row at a time, so exporting a million keeps memory flat. The CSV form
/// round-trips through <see cref="SubscriberCsvImporter"/>: tags are space-separated, fields by name.
/// </summary>
public sealed class SubscriberExporter(SubscriberStore store, Func<IReadOnlyCollection<string>> fieldNames)
{
    /// <summary>Writes the subscribers (all, or those with <paramref name="status"/>) to <paramref name="output"/>; returns how many.</summary>
    public long Export(Stream output, ExportFormat format, SubscriberStatus? status = null) =>
        format == ExportFormat.Csv ? WriteCsv(output, status) : WriteJson(output, status);

    private long WriteCsv(Stream output, SubscriberStatus? status)
    {
        var fields = fieldNames().Order(StringComparer.Ordinal).ToList();
        using var text = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        // Every cell, the header's too, is guarded against spreadsheet formulas; the importer removes the guard.
        foreach (var name in new[] { "email", "name", "first_name", "last_name", "tags", "status" }.Concat(fields)) csv.WriteField(CsvFormulaGuard.Guard(name));
        csv.NextRecord();
        var count = 0L;
        foreach (var subscriber in store.List(status))
        {
            csv.WriteField(CsvFormulaGuard.Guard(subscriber.Email));
            csv.WriteField(CsvFormulaGuard.Guard(subscriber.Name ?? ""));
            csv.WriteField(CsvFormulaGuard.Guard(subscriber.GivenName ?? ""));
            csv.WriteField(CsvFormulaGuard.Guard(subscriber.FamilyName ?? ""));
            csv.WriteField(string.Join(' ', subscriber.Tags));
            csv.WriteField(subscriber.Status.ToText());
            foreach (var field in fields) csv.WriteField(CsvFormulaGuard.Guard(subscriber.Fields.GetValueOrDefault(field, "")));
            csv.NextRecord();
            count++;
        }
        return count;
    }

    private long WriteJson(Stream output, SubscriberStatus? status)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        var count = 0L;
        foreach (var subscriber in store.List(status))
        {
            writer.WriteStartObject();
            SubscriberJson.WriteProperties(subscriber, writer);
            writer.WriteEndObject();
            if (++count % 1000 == 0) writer.Flush();
        }
        writer.WriteEndArray();
        return count;
    }
}
