// The checks and tallies of one import, row by row.
namespace Newsletter.Audience;

/// <summary>
/// Validates rows against the header and keeps the problems and the rows suppressed before writing (erased
/// addresses) of one import. Used by the reading thread only; the writer keeps its own tallies.
/// </summary>
internal sealed class ImportRun(ImportHeader header, int lines) : IDisposable
{
    // Sized for the file at once: growing to a million addresses would rehash every one of them about twenty times.
    private readonly HashSet<string> _seen = new(Math.Min(lines, 1 << 24), StringComparer.OrdinalIgnoreCase);
    private readonly FieldsJson _json = new();

    public List<ImportProblem> Problems { get; } = [];

    public List<SuppressedRow> Suppressed { get; } = [];

    public void Problem(int line, int column, string reason) => Problems.Add(new ImportProblem(line, column, reason));

    public void Suppress(int line, string email, string reason) => Suppressed.Add(new SuppressedRow(line, email, reason));

    public void Dispose() => _json.Dispose();

    /// <summary>The row's values, or null after recording why the row is bad.</summary>
    public ImportRow? Check(int line, string[] record)
    {
        if (record.Length != header.Names.Length)
            return Reject(line, 0, $"the row has {record.Length} field(s) but the header has {header.Names.Length}");
        var raw = record[header.Email];
        if (raw.Contains('\n'))
            return Reject(line, header.Email + 1, "a quoted field runs over several lines; is a closing '\"' missing?");
        if (!EmailAddress.TryNormalize(raw, out var email, out var reason)) return Reject(line, header.Email + 1, reason);
        if (!_seen.Add(email)) return Reject(line, header.Email + 1, $"'{email}' appears twice in the file");
        IReadOnlyList<string> tags = [];
        if (header.Tags >= 0 && !Tags.TryParseList(record[header.Tags], out tags!, out reason)) return Reject(line, header.Tags + 1, reason);
        var status = SubscriberStatus.Active;
        if (header.Status >= 0 && record[header.Status].Length > 0 &&
            !Enum.TryParse(record[header.Status], ignoreCase: true, out status) || !Enum.IsDefined(status))
            return Reject(line, header.Status + 1,
                $"'{record[header.Status]}' is not a status; use active, pending, unsubscribed, bounced or complained");
        var name = Cell(record, header.Name);
        if (!SubscriberName.TryValidate(name, out reason)) return Reject(line, header.Name + 1, reason);
        var first = Cell(record, header.FirstName);
        if (!SubscriberName.TryValidate(first, out reason)) return Reject(line, header.FirstName + 1, reason);
        var last = Cell(record, header.LastName);
        if (!SubscriberName.TryValidate(last, out reason)) return Reject(line, header.LastName + 1, reason);
        // A list with only first and last names still gives every subscriber a display name.
        if (name is null && (first ?? last) is not null) name = string.Join(' ', new[] { first, last }.OfType<string>());
        if (!SubscriberName.TryValidate(name, out reason)) return Reject(line, header.FirstName + 1, reason);
        var fields = Fields(record);
        return new ImportRow(email, name, first, last, _json.Write(fields), status.ToText(), tags, fields);
    }

    // The non-empty field columns: written as the JSON column, and by PostgreSQL's bulk import as field rows too.
    private KeyValuePair<string, string>[] Fields(string[] record)
    {
        var count = 0;
        for (var i = 0; i < record.Length; i++)
            if (header.IsField(i) && record[i].Length > 0) count++;
        if (count == 0) return [];
        var fields = new KeyValuePair<string, string>[count];
        count = 0;
        for (var i = 0; i < record.Length; i++)
            if (header.IsField(i) && record[i].Length > 0) fields[count++] = new(header.Names[i], record[i]);
        return fields;
    }

    private static string? Cell(string[] record, int column) =>
        column >= 0 && !string.IsNullOrWhiteSpace(record[column]) ? record[column].Trim() : null;

    private ImportRow? Reject(int line, int column, string reason)
    {
        Problem(line, column, reason);
        return null;
    }
}

/// <summary>
/// One valid row, in the shape it is written: names trimmed (null when blank; the display name made of first and last
/// when the file has none), fields as a JSON object and as the (name, value) pairs it holds, in column order, status
/// as stored.
/// </summary>
internal sealed record ImportRow(string Email, string? Name, string? FirstName, string? LastName, string FieldsJson, string Status,
    IReadOnlyList<string> Tags, IReadOnlyList<KeyValuePair<string, string>> Fields);
