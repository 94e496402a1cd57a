// The text of a template plus the name used to report errors in it.
namespace Newsletter.Liquid;

/// <summary>
/// A template's text and the name that error messages show, e.g. "templates/poll.liquid".
/// </summary>
/// <param name="Name">Name shown in error messages.</param>
/// <param name="Text">Liquid source text.</param>
public sealed record TemplateSource(string Name, string Text);
