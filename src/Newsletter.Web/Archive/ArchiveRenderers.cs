// Keeps each published issue's prepared renderer until its file or a template changes, so a page view only renders.
using System.Collections.Concurrent;
using Newsletter.Authoring;
using Newsletter.Rendering;

namespace Newsletter.Web.Archive;

/// <summary>
/// Prepared archive renderers, one per issue slug, shared by the issue pages and <c>/feed.xml</c>. An entry is kept
/// while its <see cref="RendererVersion"/> holds: the same issue record, the issue file's last-write time (UTC) and
/// length, and the templates folder's version (<see cref="TemplatesVersion"/>). Thread-safe; each version is
/// prepared once however many requests ask at the same time. A failed preparation is not kept, so the next request
/// tries again (a template may need a field a subscriber brings later).
/// </summary>
/// <param name="templatesPath">The templates folder whose files make up the templates version.</param>
/// <param name="prepare">Prepares an issue with its database id, e.g. <c>Workspace.Prepare</c>; tests count calls here.</param>
public sealed class ArchiveRenderers(string templatesPath, Func<Issue, long, IssueRenderer> prepare)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Uses <paramref name="workspace"/>'s templates and <see cref="Workspace.Prepare"/>.</summary>
    public ArchiveRenderers(Workspace workspace) : this(workspace.Settings.Templates, workspace.Prepare)
    {
    }

    /// <summary>The renderer of <paramref name="published"/>, prepared now only when none is kept for its current version.</summary>
    /// <exception cref="TemplateException">A template or the body has a Liquid error.</exception>
    /// <exception cref="NewsletterException">A layout or stylesheet is missing.</exception>
    public IssueRenderer For(PublishedIssue published)
    {
        var version = RendererVersion.Of(published, TemplatesVersion());
        var slug = published.Record.Slug;
        var entry = _entries.AddOrUpdate(slug, _ => New(published, version), (_, kept) => kept.Version == version ? kept : New(published, version));
        try
        {
            return entry.Renderer.Value;
        }
        catch
        {
            // Only this failed entry goes; one another request stored meanwhile stays.
            _entries.TryRemove(new KeyValuePair<string, Entry>(slug, entry));
            throw;
        }
    }

    /// <summary>
    /// The templates folder's version: the latest last-write time (UTC) of the folder, its subfolders and its files,
    /// and the number of files, so an edited, added or deleted template (or partial) changes it.
    /// </summary>
    public (DateTime LatestWriteUtc, int Files) TemplatesVersion()
    {
        var folder = new DirectoryInfo(templatesPath);
        if (!folder.Exists) return (DateTime.MinValue, 0);
        var latest = folder.LastWriteTimeUtc;
        var files = 0;
        foreach (var item in folder.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (item is FileInfo) files++;
            if (item.LastWriteTimeUtc > latest) latest = item.LastWriteTimeUtc;
        }
        return (latest, files);
    }

    private Entry New(PublishedIssue published, RendererVersion version) =>
        new(version, new Lazy<IssueRenderer>(() => prepare(published.Issue, published.Record.Id), LazyThreadSafetyMode.ExecutionAndPublication));

    private sealed record Entry(RendererVersion Version, Lazy<IssueRenderer> Renderer);
}
