// Writes report figures as CSV (RFC 4180), one row per issue and poll option, for spreadsheets.
using System.Globalization;
using Newsletter.Text;

namespace Newsletter.Reporting;

/// <summary>
/// CSV output of <see cref="IssueStats"/>: header
/// <c>slug,title,delivered,responses,response_rate,average,option_value,option_label,option_votes,unsubscribes,unsubscribe_rate,hard_bounces,hard_bounce_rate,soft_bounces,soft_bounce_rate,complaints,complaint_rate</c>,
/// then one row per issue and option (issue figures repeated), fields quoted per RFC 4180 §2 when needed, CRLF line
/// ends. The unsubscribe and bounce columns come last so that sheets reading the first nine by position keep working.
/// Numbers use the invariant culture; a missing average or rate (or bounces not looked up) is an empty field. Text cells that start with
/// <c>= + - @</c>, a tab or a carriage return get a leading apostrophe (<see cref="CsvFormulaGuard"/>).
/// </summary>
public static class StatsCsv
{
    /// <summary>The header row's fields.</summary>
    public static readonly string[] Header =
        [
            "slug", "title", "delivered", "responses", "response_rate", "average", "option_value", "option_label", "option_votes",
            "unsubscribes", "unsubscribe_rate", "hard_bounces", "hard_bounce_rate", "soft_bounces", "soft_bounce_rate", "complaints", "complaint_rate",
        ];

    /// <summary>Writes <paramref name="stats"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IEnumerable<IssueStats> stats)
    {
        WriteRow(writer, Header);
        foreach (var issue in stats)
            foreach (var option in issue.Votes)
                WriteRow(writer, [Text(issue.Slug), Text(issue.Title), Number(issue.Delivered), Number(issue.Responses), Number(issue.ResponseRate),
                    Number(issue.Average), Number(option.Value), Text(option.Label), Number(option.Count),
                    Number(issue.Unsubscribes), Number(issue.UnsubscribeRate), Number(issue.Bounces?.Hard), Number(issue.HardBounceRate),
                    Number(issue.Bounces?.Soft), Number(issue.SoftBounceRate), Number(issue.Bounces?.Complaints), Number(issue.ComplaintRate)]);
    }

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    // Text cells a spreadsheet would run as a formula get a leading apostrophe (OWASP CSV injection); numbers are ours.
    private static string Text(string value) => CsvFormulaGuard.Guard(value);

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Quote)));
        writer.Write("\r\n");
    }

    // RFC 4180 §2.6-2.7.
    private static string Quote(string field)
    {
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
