// Error raised for templates that cannot be parsed.
namespace Newsletter.Liquid;

/// <summary>
/// Raised when a template (or a partial while loading it) cannot be parsed.
/// </summary>
public sealed class LiquidParseException : LiquidException
{
    /// <inheritdoc cref="LiquidException(string, string, int, int, string, Exception?)" />
    public LiquidParseException(string reason, string templateName, int line, int column, string sourceLine, Exception? innerException = null)
        : base(reason, templateName, line, column, sourceLine, innerException)
    {
    }
}
