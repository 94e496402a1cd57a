// What a prepared archive renderer depends on; a kept renderer is reused while this stays the same.
namespace Newsletter.Web.Archive;

/// <summary>The inputs of one preparation of an issue for the archive (see <see cref="ArchiveRenderers"/>).</summary>
/// <param name="RecordId">The issue's database id, which its page's links carry.</param>
/// <param name="IssueWriteUtc">The issue file's last-write time, UTC.</param>
/// <param name="IssueLength">The issue file's length in bytes, which catches an edit within the file system's time resolution.</param>
/// <param name="TemplatesWriteUtc">The templates folder's latest last-write time, UTC (<see cref="ArchiveRenderers.TemplatesVersion"/>).</param>
/// <param name="TemplateFiles">How many files the templates folder holds.</param>
public sealed record RendererVersion(long RecordId, DateTime IssueWriteUtc, long IssueLength, DateTime TemplatesWriteUtc, int TemplateFiles)
{
    /// <summary>The version of <paramref name="published"/> as its file is now, with the templates version given.</summary>
    public static RendererVersion Of(PublishedIssue published, (DateTime LatestWriteUtc, int Files) templates)
    {
        var file = new FileInfo(published.Issue.SourcePath);
        return new RendererVersion(published.Record.Id, file.Exists ? file.LastWriteTimeUtc : DateTime.MinValue, file.Exists ? file.Length : -1,
            templates.LatestWriteUtc, templates.Files);
    }
}
