// The checks and tallies of one import, row by row.
namespace Newsletter.Audience;

/// <summary>Validates rows against the header and keeps the counts, problems and suppressed rows of one import.</summary>
internal sealed class ImportRun(ImportHeader header)
{
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    public List<ImportProblem> Problems { get; } = [];

    public List<SuppressedRow> Suppressed { get; } = [];

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public void Problem(int line, int column, string reason) => Problems.Add(new ImportProblem(line, column, reason));

    public void Suppress(int line, string email, string reason) => Suppressed.Add(new SuppressedRow(line, email, reason));

    public void Stored(bool added)
    {
        if (added) Added++;
        else Updated++;
    }

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
        return new ImportRow(email, header.Name >= 0 ? record[header.Name] : null, Fields(record), status, tags);
    }

    private List<KeyValuePair<string, string>> Fields(string[] record)
    {
        var fields = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < record.Length; i++)
            if (header.IsField(i) && record[i].Length > 0) fields.Add(new(header.Names[i], record[i]));
        return fields;
    }

    private ImportRow? Reject(int line, int column, string reason)
    {
        Problem(line, column, reason);
        return null;
    }
}

/// <summary>One valid row.</summary>
internal sealed record ImportRow(string Email, string? Name, List<KeyValuePair<string, string>> Fields, SubscriberStatus Status, IReadOnlyList<string> Tags);
