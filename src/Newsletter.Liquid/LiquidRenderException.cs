// Error raised when rendering a parsed template fails.
namespace Newsletter.Liquid;

/// <summary>
/// Raised when rendering fails: a filter error, an undefined variable in strict mode, or an exceeded limit.
/// </summary>
public sealed class LiquidRenderException : LiquidException
{
    /// <inheritdoc cref="LiquidException(string, string, int, int, string, Exception?)" />
    public LiquidRenderException(string reason, string templateName, int line, int column, string sourceLine, Exception? innerException = null)
        : base(reason, templateName, line, column, sourceLine, innerException)
    {
    }
}
