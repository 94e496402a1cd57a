// Public entry point: parse a template once, render it many times (concurrently) with different models.
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid;

/// <summary>
/// A parsed Liquid template with Shopify Liquid semantics. Instances are immutable and safe to render
/// from many threads at once.
/// </summary>
public sealed class LiquidTemplate
{
    private const int MaxCachedBuffer = 1 << 20;

    [ThreadStatic]
    private static StringBuilder? cachedBuffer;

    private int outputSizeHint = 256;

    private LiquidTemplate(string name, SourceText source, BlockBody body, LiquidOptions options)
    {
        Name = name;
        Source = source;
        Body = body;
        Options = options;
    }

    /// <summary>The name given when parsing; used in error messages.</summary>
    public string Name { get; }

    internal SourceText Source { get; }

    internal BlockBody Body { get; }

    internal LiquidOptions Options { get; }

    /// <summary>Parses <paramref name="source"/> into a reusable template.</summary>
    /// <param name="source">Liquid source text.</param>
    /// <param name="name">Name shown in error messages, e.g. "templates/email.liquid".</param>
    /// <param name="options">Parse and render settings; null means the defaults (lax, no loader).</param>
    /// <returns>The parsed template.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="source"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="LiquidParseException">When the source is not valid Liquid; the message names line and column.</exception>
    public static LiquidTemplate Parse(string source, string name = "template", LiquidOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(name);
        options ??= LiquidOptions.DefaultOptions;
        var text = new SourceText(name, source);
        var body = Parser.ParseTemplate(text, options);
        return new LiquidTemplate(name, text, body, options);
    }

    /// <summary>Parses like <see cref="Parse"/> but reports failure through <paramref name="error"/> instead of throwing.</summary>
    /// <param name="source">Liquid source text.</param>
    /// <param name="name">Name shown in error messages.</param>
    /// <param name="options">Parse and render settings; null means the defaults.</param>
    /// <param name="template">The parsed template when successful.</param>
    /// <param name="error">The parse error (a <see cref="LiquidParseException"/>) when unsuccessful.</param>
    /// <returns>True when the source parsed.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="source"/> or <paramref name="name"/> is null.</exception>
    public static bool TryParse(
        string source,
        string name,
        LiquidOptions? options,
        [NotNullWhen(true)] out LiquidTemplate? template,
        [NotNullWhen(false)] out LiquidException? error)
    {
        try
        {
            template = Parse(source, name, options);
            error = null;
            return true;
        }
        catch (LiquidException e)
        {
            template = null;
            error = e;
            return false;
        }
    }

    /// <summary>Renders the template with <paramref name="model"/> as its variables and returns the output.</summary>
    /// <param name="model">
    /// Variables: a dictionary, a <see cref="System.Text.Json.JsonElement"/> object, or a record/POCO whose public
    /// properties are read (also by snake_case name). Null means no variables.
    /// </param>
    /// <param name="renderOptions">Per-render overrides such as a fixed "now"; null for none.</param>
    /// <returns>The rendered text.</returns>
    /// <exception cref="LiquidRenderException">When a filter fails, a strict-mode check fails or a limit is exceeded.</exception>
    /// <exception cref="LiquidParseException">When a partial loaded during rendering does not parse.</exception>
    public string Render(object? model, LiquidRenderContextOptions? renderOptions = null)
    {
        // A per-thread buffer is reused across renders, so the only allocation proportional to the output
        // is the returned string. Nested renders on the same thread (from a filter or loader) get their own.
        var buffer = cachedBuffer ?? new StringBuilder(Volatile.Read(ref outputSizeHint));
        cachedBuffer = null;
        try
        {
            RenderInto(buffer, null, model, renderOptions);
            Volatile.Write(ref outputSizeHint, Math.Clamp(buffer.Length + 64, 256, MaxCachedBuffer));
            return buffer.ToString();
        }
        finally
        {
            if (buffer.Capacity <= MaxCachedBuffer)
            {
                buffer.Clear();
                cachedBuffer = buffer;
            }
        }
    }

    /// <summary>Renders the template to <paramref name="output"/>, writing in chunks as it goes.</summary>
    /// <remarks>
    /// With a literal null model, <c>Render(writer, null)</c> binds to the string overload (the writer becomes the
    /// model); write <c>Render(output: writer, model: null)</c> instead.
    /// </remarks>
    /// <param name="output">Destination writer; not flushed or closed.</param>
    /// <param name="model">Variables, as for <see cref="Render(object?, LiquidRenderContextOptions?)"/>.</param>
    /// <param name="renderOptions">Per-render overrides; null for none.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="output"/> is null.</exception>
    /// <exception cref="LiquidRenderException">When rendering fails; text already written stays written.</exception>
    /// <exception cref="LiquidParseException">When a partial loaded during rendering does not parse.</exception>
    public void Render(TextWriter output, object? model, LiquidRenderContextOptions? renderOptions = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        RenderInto(new StringBuilder(4096), output, model, renderOptions);
    }

    private void RenderInto(StringBuilder buffer, TextWriter? sink, object? model, LiquidRenderContextOptions? renderOptions)
    {
        var output = new RenderOutput(buffer, sink, Options.Limits.MaxOutputBytes);
        var state = new RenderState(Options, output, renderOptions);
        var context = new RenderContext(state, model, Source, isolated: false);
        Body.Render(context);
        output.Flush();
    }
}
