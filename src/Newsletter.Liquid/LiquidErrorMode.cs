// How forgiving the parser is with malformed markup.
namespace Newsletter.Liquid;

/// <summary>
/// Parse strictness, following Shopify Liquid's <c>error_mode</c> setting.
/// </summary>
public enum LiquidErrorMode
{
    /// <summary>
    /// Tolerates trailing garbage and loose syntax in tags and outputs, like Shopify Liquid's <c>:lax</c> mode.
    /// </summary>
    Lax = 0,

    /// <summary>
    /// Rejects any markup that does not follow the Liquid grammar, like Shopify Liquid's <c>:strict</c> mode.
    /// </summary>
    Strict = 1,

    /// <summary>
    /// Same as <see cref="Strict"/>, and additionally rejects ambiguous <c>when</c> conditions,
    /// like Shopify Liquid's <c>:strict2</c> mode.
    /// </summary>
    Strict2 = 2,
}
