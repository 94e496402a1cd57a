// What makes a reader-facing page look like the newsletter: its name, language, home, accent and logo.
using Newsletter.Rendering;

namespace Newsletter.Web.Pages;

/// <summary>The newsletter's identity on its web pages, from the workspace's settings and <c>design</c> section.</summary>
/// <param name="Name">The newsletter's name, in every page's header and title.</param>
/// <param name="Language">BCP 47 tag for <c>&lt;html lang&gt;</c>.</param>
/// <param name="Home">Absolute URL of the archive index, with trailing slash.</param>
/// <param name="Design">Accent colour and logo.</param>
public sealed record SiteLook(string Name, string Language, string Home, DesignInfo Design)
{
    /// <summary>The look when no workspace is at hand: a neutral name and the default design.</summary>
    public static SiteLook Plain { get; } = new("Newsletter", "en", "/", DesignInfo.Default);

    /// <summary>The look of <paramref name="workspace"/>.</summary>
    public static SiteLook From(Workspace workspace)
    {
        var info = workspace.Info;
        return new SiteLook(info.Name, info.Language, info.Url, info.DesignOrDefault);
    }
}
