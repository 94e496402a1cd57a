// Imports subscribers from an RFC 4180 CSV file: every row is checked before any row is written.
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// Imports a CSV file (RFC 4180, UTF-8 with or without BOM) whose header names an <c>email</c> column and
/// optionally <c>name</c>; every other column becomes a custom field. Imports are all-or-nothing: the rows are
/// validated first, and one bad row means nothing is written.
/// </summary>
public sealed class SubscriberCsvImporter(Database database, SubscriberStore store)
{
    /// <summary>Imports <paramref name="path"/>; returns the number of rows added or updated.</summary>
    /// <exception cref="CsvImportException">The file is unreadable, has no email column, is not UTF-8, or has bad rows.</exception>
    public ImportResult Import(string path)
    {
        var rows = ReadAndValidate(path);
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        foreach (var row in rows)
            store.Add(connection, transaction, row.Email, row.Name, row.Fields, "import:" + Path.GetFileName(path));
        transaction.Commit();
        return new ImportResult(rows.Count);
    }

    private static List<ImportRow> ReadAndValidate(string path)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<ImportRow>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var text = ReadUtf8(path);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => problems.Add(new ImportProblem(args.Context.Parser!.RawRow, 0, "badly quoted field: " + Shorten(args.RawRecord))),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(new StringReader(text), config);
        if (!csv.Read() || !csv.ReadHeader())
            throw Fail(path, [new ImportProblem(1, 0, "the file is empty; expected a header line such as 'email,name'")]);
        var header = csv.HeaderRecord!;
        var emailColumn = Array.FindIndex(header, h => h.Equals("email", StringComparison.OrdinalIgnoreCase));
        if (emailColumn < 0)
            throw Fail(path, [new ImportProblem(1, 1, $"the header has no 'email' column (found: {string.Join(", ", header)})")]);
        var nameColumn = Array.FindIndex(header, h => h.Equals("name", StringComparison.OrdinalIgnoreCase));

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            var raw = emailColumn < record.Length ? record[emailColumn] : "";
            if (!EmailAddress.TryNormalize(raw, out var email, out var reason))
            {
                problems.Add(new ImportProblem(line, emailColumn + 1, reason));
                continue;
            }
            if (!seen.Add(email))
            {
                problems.Add(new ImportProblem(line, emailColumn + 1, $"'{email}' appears twice in the file"));
                continue;
            }
            rows.Add(new ImportRow(email, nameColumn >= 0 && nameColumn < record.Length ? record[nameColumn] : null,
                Fields(header, record, emailColumn, nameColumn)));
        }
        if (problems.Count > 0) throw Fail(path, problems.OrderBy(p => p.Line).ToList());
        return rows;
    }

    private static Dictionary<string, string> Fields(string[] header, string[] record, int emailColumn, int nameColumn)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length && i < record.Length; i++)
            if (i != emailColumn && i != nameColumn && !string.IsNullOrWhiteSpace(header[i]))
                fields[header[i].Trim()] = record[i];
        return fields;
    }

    // Strict decoding: a Latin-1 export silently imported as UTF-8 would corrupt every accented name.
    private static string ReadUtf8(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw Fail(path, [new ImportProblem(0, 0, e.Message)]);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + bytes.Take(Math.Max(0, e.Index)).Count(b => b == (byte)'\n');
            throw Fail(path, [new ImportProblem(line, 0, "the file is not UTF-8; save it as UTF-8 and import again")]);
        }
    }

    private static CsvImportException Fail(string path, IReadOnlyList<ImportProblem> problems)
    {
        var first = problems[0];
        return new CsvImportException(new SourcePosition(path, first.Line, first.Column), first.Reason, problems);
    }

    private static string Shorten(string raw) => raw.Length > 60 ? raw[..60].TrimEnd() + "…" : raw.TrimEnd();

    private sealed record ImportRow(string Email, string? Name, Dictionary<string, string> Fields);
}

/// <summary>The outcome of an import.</summary>
/// <param name="Imported">Rows added or updated.</param>
public sealed record ImportResult(int Imported);
