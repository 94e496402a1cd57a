// How an import treats bad rows and whether it writes anything.
namespace Newsletter.Audience;

/// <summary>Import switches.</summary>
/// <param name="DryRun">Check and count everything, then roll back: nothing is written.</param>
/// <param name="AllOrNothing">One bad row means nothing is written; otherwise good rows are kept and bad rows reported.</param>
public sealed record ImportOptions(bool DryRun = false, bool AllOrNothing = false);

/// <summary>The outcome of an import.</summary>
/// <param name="Added">New subscribers.</param>
/// <param name="Updated">Existing subscribers whose name, fields or tags were updated.</param>
/// <param name="Problems">Every bad row, in file order.</param>
/// <param name="Suppressed">Rows not imported because the address is suppressed.</param>
/// <param name="Written">True when the rows were committed (false for a dry run, or all-or-nothing with problems).</param>
public sealed record ImportReport(int Added, int Updated, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<SuppressedRow> Suppressed, bool Written)
{
    /// <summary>Rows added or updated (kept only when <see cref="Written"/>).</summary>
    public int Imported => Added + Updated;
}
