// Turns Liquid engine errors into product errors that keep their template position.
using Newsletter.Liquid;

namespace Newsletter.Rendering;

/// <summary>A template or issue-body Liquid error, positioned in the file the editor wrote.</summary>
public sealed class TemplateException(SourcePosition position, string reason, Exception? inner = null)
    : NewsletterException(position, reason, inner)
{
    /// <summary>Wraps a Liquid error, keeping its template name, line, column and quoted line.</summary>
    public static TemplateException From(LiquidException error) =>
        new(new SourcePosition(error.TemplateName, error.Line, error.Column, error.SourceLine), error.Reason, error);
}
