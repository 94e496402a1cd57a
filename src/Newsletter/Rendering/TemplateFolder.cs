// Finds layouts, partials and the stylesheet in the workspace's templates folder.
using Newsletter.Configuration;
using Newsletter.Liquid;

namespace Newsletter.Rendering;

/// <summary>
/// The <c>templates/</c> folder: layouts <c>NAME.html.liquid</c> and <c>NAME.txt.liquid</c>, partials
/// <c>partials/NAME.liquid</c> (used as <c>{% render 'poll.html' %}</c>), and stylesheets linked from a layout with
/// <c>&lt;link rel="stylesheet" href="NAME.css"&gt;</c>.
/// </summary>
public sealed class TemplateFolder(string path)
{
    /// <summary>Absolute path of the folder.</summary>
    public string Path { get; } = RunEnvironment.Current.FullPath(path);

    /// <summary>Reads the HTML or text layout <paramref name="name"/>.</summary>
    /// <exception cref="NewsletterException">The layout file does not exist.</exception>
    public TemplateSource Layout(string name, string kind) => Read(System.IO.Path.Combine(Path, $"{name}.{kind}.liquid"),
        $"the template '{name}' has no {kind} layout (expected {name}.{kind}.liquid in {Path})");

    /// <summary>Reads a partial by its render name, or null when there is none.</summary>
    public TemplateSource? Partial(string name)
    {
        if (name.Contains("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(name)) return null;
        var file = System.IO.Path.Combine(Path, "partials", name + ".liquid");
        return File.Exists(file) ? new TemplateSource(Display(file), File.ReadAllText(file)) : null;
    }

    /// <summary>Reads a stylesheet named in a layout's link element, relative to the folder.</summary>
    /// <exception cref="NewsletterException">The stylesheet does not exist.</exception>
    public string Stylesheet(string href) =>
        Read(System.IO.Path.Combine(Path, href), $"the stylesheet '{href}' does not exist in {Path}").Text;

    private TemplateSource Read(string file, string missing) =>
        File.Exists(file)
            ? new TemplateSource(Display(file), File.ReadAllText(file).Replace("\r\n", "\n"))
            : throw new NewsletterException(new SourcePosition(file, 0, 0), missing);

    // Errors name template files relative to the current folder when they are below it, as editors see them.
    private static string Display(string file) => RunEnvironment.Current.Display(file);
}
