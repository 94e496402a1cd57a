// Imports subscribers from an RFC 4180 CSV file: good rows are upserted, bad rows reported by line.
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Newsletter.Audience.Suppression;
using Newsletter.Storage;
using Newsletter.Text;

namespace Newsletter.Audience;

/// <summary>
/// Imports a CSV file (RFC 4180, UTF-8 with or without BOM) whose header names an <c>email</c> column and
/// optionally <c>name</c>, <c>first_name</c>, <c>last_name</c>, <c>tags</c> and <c>status</c> (see
/// <see cref="ImportHeader"/>); every other column becomes a custom field. Rows are
/// streamed: each is validated on the calling thread and upserted (in batches, on a writing thread) in one transaction, bad rows are reported by line and reason, and the
/// good rows are kept unless <see cref="ImportOptions.AllOrNothing"/> is set. Suppressed addresses (unsubscribed,
/// bounced, complained, or erased) are never brought back; they are reported as suppressed. A cell that starts with an
/// apostrophe followed by <c>= + - @</c>, a tab, a carriage return or another apostrophe loses that apostrophe, the
/// guard <see cref="Text.CsvFormulaGuard"/> puts on exports against spreadsheet formulas.
/// </summary>
public sealed class SubscriberCsvImporter(Database database, TimeProvider clock)
{
    /// <summary>Creates an importer on <paramref name="database"/> with the system clock (<paramref name="store"/> is kept for compatibility).</summary>
    public SubscriberCsvImporter(Database database, SubscriberStore store) : this(database, TimeProvider.System) => _ = store;

    /// <summary>Imports <paramref name="path"/> with default options (good rows kept, bad rows reported).</summary>
    /// <exception cref="CsvImportException">The file is unreadable, not UTF-8, or its header has no email column.</exception>
    public ImportReport Import(string path) => Import(path, new ImportOptions());

    /// <summary>Imports <paramref name="path"/>.</summary>
    /// <exception cref="CsvImportException">The file is unreadable, not UTF-8, or its header is unusable; nothing was imported.</exception>
    /// <exception cref="System.Data.Common.DbException">A write failed (a full disk, a locked database); nothing was imported.</exception>
    public ImportReport Import(string path, ImportOptions options)
    {
        var lines = Utf8Check.Verify(path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var badData = (string?)null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => badData ??= "badly quoted field: " + Shorten(args.RawRecord),
            TrimOptions = TrimOptions.Trim,
        };
        using var parser = new CsvParser(reader, config);
        var header = ReadHeader(path, parser);
        var erasedAddresses = new ErasedAddresses(database);
        var erased = erasedAddresses.LoadAll();
        using var run = new ImportRun(header, lines);
        using var writer = IImportWriter.For(database, "import:" + Path.GetFileName(path), StoredTime.ToText(clock.GetUtcNow()), lines);
        // Writing (SQLite's B-trees) is about two thirds of an import's CPU, reading and checking the rest: on a
        // second thread the writes overlap the reading instead of waiting for it.
        using (var batches = new ImportBatches(writer))
        {
            var previousEnd = parser.RawRow;
            while (parser.Read())
            {
                badData = null;
                var record = parser.Record ?? [];
                var end = parser.RawRow;
                // RawRow is where a record ends; a person looks for where it starts (where a stray quote opened).
                var unclosed = end - previousEnd > 1 && UnclosedQuote(parser.RawRecord);
                var line = end - previousEnd > 1 ? RecordStart(parser.RawRecord, end, unclosed) : end;
                previousEnd = end;
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                Unguard(record);
                if (unclosed)
                {
                    run.Problem(line, 0, $"the quote opened on this line is not closed; the field runs to line {end}");
                    continue;
                }
                if (badData is not null) { run.Problem(line, 0, badData); continue; }
                if (run.Check(line, record) is not { } row) continue;
                if (erased.Count > 0 && erased.Contains(erasedAddresses.Hash(row.Email))) { run.Suppress(line, row.Email, "erased"); continue; }
                batches.Add(line, row);
            }
            batches.Complete();
        }
        writer.Complete();
        var write = !options.DryRun && !(options.AllOrNothing && run.Problems.Count > 0);
        if (write) writer.Commit();
        return new ImportReport(writer.Added, writer.Updated, run.Problems,
            run.Suppressed.Concat(writer.Suppressed).OrderBy(s => s.Line).ToList(), write);
    }

    private static ImportHeader ReadHeader(string path, CsvParser parser)
    {
        if (!parser.Read() || parser.Record is not { } record)
            throw Fail(path, new ImportProblem(1, 0, "the file is empty; expected a header line such as 'email,name'"));
        Unguard(record);
        return ImportHeader.Read(record, out var problem) ?? throw Fail(path, problem!);
    }

    // Exports guard formula-like cells with an apostrophe; taking it off here makes export and import round-trip.
    private static void Unguard(string[] record)
    {
        for (var i = 0; i < record.Length; i++)
            if (record[i].Length > 1 && record[i][0] == CsvFormulaGuard.Prefix) record[i] = CsvFormulaGuard.Unguard(record[i]);
    }

    private static CsvImportException Fail(string path, ImportProblem problem) =>
        new(new SourcePosition(path, problem.Line, problem.Column), problem.Reason, [problem]);

    // Lines skipped as blank before the record are not part of it, so the start is counted back from the end. A
    // record's own line break ends it and is not counted in RawRow yet; a field left open runs over every break to
    // the end of the file, and each one counts.
    private static int RecordStart(string raw, int end, bool unclosed)
    {
        var text = unclosed ? raw.AsSpan() : raw.AsSpan().TrimEnd("\r\n");
        return end - text.Count('\n');
    }

    // RFC 4180 quotes come in pairs (an escaped quote is two); an odd count means one was opened and never closed.
    private static bool UnclosedQuote(string raw) => raw.AsSpan().Count('"') % 2 == 1;

    private static string Shorten(string raw) => raw.Length > 60 ? raw[..60].TrimEnd() + "…" : raw.TrimEnd();
}
