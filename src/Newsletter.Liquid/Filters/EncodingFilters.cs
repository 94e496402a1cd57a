// URL and Base64 encoding filters of Shopify Liquid.
using System.Text;
using Newsletter.Liquid.Rendering;
using static Newsletter.Liquid.Filters.FilterHelpers;

namespace Newsletter.Liquid.Filters;

internal static class EncodingFilters
{
    public static void Register(Action<FilterDefinition> add)
    {
        add(Def("url_encode", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => input is null ? null : UrlEncode(Text(input))));
        add(Def("url_decode", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => input is null ? null : UrlDecode(Text(input))));
        add(Def("base64_encode", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(input)))));
        add(Def("base64_decode", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => Base64Decode(Text(input), urlSafe: false)));
        add(Def("base64_url_safe_encode", 0, 0, static (object? input, in FilterArgs a, RenderContext c) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(input))).Replace('+', '-').Replace('/', '_')));
        add(Def("base64_url_safe_decode", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => Base64Decode(Text(input), urlSafe: true)));
    }

    /// <summary>Ruby's CGI.escape: unreserved characters stay, space becomes '+', the rest is %XX of UTF-8.</summary>
    internal static string UrlEncode(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                var written = Encoding.UTF8.GetBytes(text.AsSpan(i, length), bytes);
                for (var b = 0; b < written; b++)
                {
                    sb.Append('%').Append(bytes[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }

                i += length - 1;
            }
        }

        return sb.ToString();
    }

    private static string UrlDecode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw new LiquidRuntimeError(LiquidErrors.InvalidByteSequence);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string Base64Decode(string text, bool urlSafe)
    {
        if (urlSafe)
        {
            text = text.Replace('-', '+').Replace('_', '/');
            if (text.Length % 4 != 0)
            {
                text = text.PadRight(text.Length + (4 - (text.Length % 4)), '=');
            }
        }

        // Ruby's strict decoding rejects whitespace, which .NET would skip.
        if (text.AsSpan().IndexOfAny(" \t\r\n") >= 0)
        {
            throw new LiquidRuntimeError(LiquidErrors.InvalidBase64);
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw new LiquidRuntimeError(LiquidErrors.InvalidBase64);
        }
    }
}
