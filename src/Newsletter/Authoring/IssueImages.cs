// Where the images an issue names by relative path live on disk, and which of them may be published.
using System.Diagnostics.CodeAnalysis;
using Newsletter.Configuration;

namespace Newsletter.Authoring;

/// <summary>
/// Local images of an issue: an image source written as a relative path (<c>images/hero.png</c>) names a file
/// beside the issue, looked for first in the issue's own folder (<c>issues/SLUG/images/hero.png</c>, a page
/// bundle) and then relative to the issue file (<c>issues/images/hero.png</c>, where an editor's Markdown preview
/// finds it). Emails and the archive point at <c>BASEURL/issues/SLUG/images/hero.png</c>, which <c>serve</c>
/// answers with that file. A path may not leave the issues folder, name a hidden file, or be anything but a
/// raster image type mail clients show (PNG, JPEG, GIF, WebP, AVIF); SVG is refused because it can carry script.
/// </summary>
public static class IssueImages
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif",
        [".webp"] = "image/webp", [".avif"] = "image/avif",
    };

    /// <summary>The file name extensions served, with their dot, e.g. <c>.png</c>.</summary>
    public static IEnumerable<string> Extensions => Types.Keys;

    /// <summary>
    /// Whether <paramref name="src"/>, as written in the body, is a local image: a relative path reference
    /// (RFC 3986 §4.2) without scheme, authority or leading slash, and without Liquid in it.
    /// </summary>
    public static bool IsLocal(string src)
    {
        var value = src.Trim();
        if (value.Length == 0 || value[0] is '#' or '/' or '\\' || value.Contains("{{", StringComparison.Ordinal) ||
            value.Contains("{%", StringComparison.Ordinal) || value.StartsWith("LIQ0PH", StringComparison.Ordinal)) return false;
        var colon = value.IndexOfAny([':', '/', '?', '#']);
        return colon < 0 || value[colon] != ':';
    }

    /// <summary>
    /// The path part of a local image source, percent-decoded and checked: segments separated by <c>/</c>, none empty,
    /// <c>.</c>, <c>..</c> or starting with a dot, no backslash, colon or control character, and a served extension.
    /// </summary>
    /// <param name="src">The source as written (a query or fragment is dropped).</param>
    /// <param name="relative">The checked relative path, with <c>/</c> separators.</param>
    /// <param name="reason">Why the path is refused, in words an editor can act on.</param>
    public static bool TryNormalize(string src, [NotNullWhen(true)] out string? relative, [NotNullWhen(false)] out string? reason)
    {
        relative = null;
        var path = src.Trim();
        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0) path = path[..end];
        try
        {
            path = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            reason = "its percent-escapes are malformed";
            return false;
        }
        var segments = path.Split('/');
        if (segments.Any(s => s.Length == 0 || s.StartsWith('.') || s.Any(c => char.IsControl(c) || c is '\\' or ':')))
        {
            reason = "only plain paths inside the issues folder are published (no '..', hidden files, backslashes or empty parts)";
            return false;
        }
        if (!Types.ContainsKey(Path.GetExtension(path)))
        {
            reason = $"only {string.Join(", ", Types.Keys.Select(k => k.TrimStart('.')).Distinct())} images are published (SVG can carry script, and most mail clients do not show it)";
            return false;
        }
        relative = string.Join('/', segments);
        reason = null;
        return true;
    }

    /// <summary>The places <paramref name="relative"/> is looked for, in order: the issue's own folder, then the issue file's folder.</summary>
    /// <param name="issuePath">The issue file.</param>
    /// <param name="relative">A path checked by <see cref="TryNormalize"/>.</param>
    public static IReadOnlyList<string> Candidates(string issuePath, string relative)
    {
        var folder = Path.GetDirectoryName(RunEnvironment.Current.FullPath(issuePath))!;
        var slug = Path.GetFileNameWithoutExtension(issuePath);
        var parts = relative.Split('/');
        return [Path.Combine([folder, slug, .. parts]), Path.Combine([folder, .. parts])];
    }

    /// <summary>
    /// The file of a local image, or null when none of the <see cref="Candidates"/> is a regular file. Symbolic links
    /// below the issue file's folder are not followed, so nothing outside that folder is ever reached.
    /// </summary>
    /// <param name="issuePath">The issue file.</param>
    /// <param name="relative">A path checked by <see cref="TryNormalize"/>.</param>
    public static string? Find(string issuePath, string relative)
    {
        var folder = Path.GetDirectoryName(RunEnvironment.Current.FullPath(issuePath))!;
        var slug = Path.GetFileNameWithoutExtension(issuePath);
        var parts = relative.Split('/');
        return Walk(folder, [slug, .. parts]) ?? Walk(folder, parts);
    }

    private static string? Walk(string folder, string[] parts)
    {
        var path = folder;
        for (var i = 0; i < parts.Length; i++)
        {
            path = Path.Combine(path, parts[i]);
            FileSystemInfo entry = i == parts.Length - 1 ? new FileInfo(path) : new DirectoryInfo(path);
            if (!entry.Exists || entry.LinkTarget is not null) return null;
        }
        return path;
    }

    /// <summary>The Content-Type of a served image file, e.g. <c>image/png</c>.</summary>
    /// <exception cref="ArgumentException">The extension is not one of <see cref="Extensions"/>.</exception>
    public static string ContentType(string file) =>
        Types.TryGetValue(Path.GetExtension(file), out var type) ? type : throw new ArgumentException($"'{file}' is not a served image type", nameof(file));
}
