// Keeps spreadsheets from running CSV cells as formulas, in a way the importer can undo exactly.
namespace Newsletter.Text;

/// <summary>
/// CSV injection defence after OWASP's "CSV Injection" advice: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return is written with a leading apostrophe, which spreadsheets read as "this is
/// text". So that export and import round-trip unchanged, a cell that already starts with an apostrophe gets one
/// more, and <see cref="Unguard"/> removes exactly one apostrophe when it is followed by one of those characters or
/// by another apostrophe. <c>Unguard(Guard(x)) == x</c> for every string.
/// </summary>
public static class CsvFormulaGuard
{
    /// <summary>The prefix that marks a cell as text.</summary>
    public const char Prefix = '\'';

    /// <summary>The cell as written to CSV (before RFC 4180 quoting).</summary>
    public static string Guard(string cell) => NeedsGuard(cell, 0) ? Prefix + cell : cell;

    /// <summary>The cell as it was before <see cref="Guard"/>; any other cell is returned as it is.</summary>
    public static string Unguard(string cell) => cell.Length >= 2 && cell[0] == Prefix && NeedsGuard(cell, 1) ? cell[1..] : cell;

    private static bool NeedsGuard(string cell, int at) =>
        cell.Length > at && cell[at] is '=' or '+' or '-' or '@' or '\t' or '\r' or Prefix;
}
