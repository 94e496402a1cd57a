// Converts values to text like Shopify Liquid: Ruby's to_s for filters, and output rendering that joins arrays.
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Newsletter.Liquid.Values;

internal static class Formatting
{
    public static string ToText(object? value)
    {
        switch (value)
        {
            case null: return string.Empty;
            case string s: return s;
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case int i: return i.ToString(CultureInfo.InvariantCulture);
            case bool b: return b ? "true" : "false";
            case double d: return RubyFloat.Format(d);
        }

        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    /// <summary>Ruby's to_s as Liquid's filters see it: arrays and hashes in their inspect form.</summary>
    public static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                sb.Append(s);
                return;
            case long l:
                sb.Append(l);
                return;
            case int i:
                sb.Append(i);
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case double d:
                sb.Append(RubyFloat.Format(d));
                return;
            case float f:
                sb.Append(RubyFloat.Format(RubyFloat.FromSingle(f)));
                return;
            case decimal dec:
                sb.Append(dec.ToString(CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset dto:
                AppendTime(sb, dto);
                return;
            case DateTime dt:
                AppendTime(sb, dt.Kind == DateTimeKind.Utc ? new DateTimeOffset(dt) : new DateTimeOffset(dt, TimeSpan.Zero));
                return;
            case LiquidRange range:
                sb.Append(range.Start).Append("..").Append(range.End);
                return;
            case EmptyValue or BlankValue:
                return;
        }

        if (Numbers.TryGetInteger(value, out var integer))
        {
            sb.Append(integer);
            return;
        }

        if (value is JsonElement { ValueKind: not (JsonValueKind.Array or JsonValueKind.Object) } leaf)
        {
            Append(sb, JsonValues.FromElement(leaf));
            return;
        }

        if (Sequences.IsHash(value) || Sequences.IsArray(value))
        {
            AppendInspect(sb, value);
            return;
        }

        sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
    }

    /// <summary>What {{ value }} prints: arrays print their elements' output back to back, recursively.</summary>
    public static void AppendOutput(StringBuilder sb, object? value, int depth = 0)
    {
        if (value is not string && value is not LiquidRange && Sequences.IsArray(value))
        {
            // Self-containing lists stop at a fixed depth instead of recursing forever.
            if (depth >= Sequences.MaxDepth)
            {
                return;
            }

            foreach (var item in Sequences.AsList(value)!)
            {
                AppendOutput(sb, item, depth + 1);
            }

            return;
        }

        Append(sb, value);
    }

    public static string ToOutput(object? value)
    {
        if (value is string s)
        {
            return s;
        }

        var sb = new StringBuilder();
        AppendOutput(sb, value);
        return sb.ToString();
    }

    /// <summary>Ruby's inspect form, used when a hash is printed.</summary>
    public static void AppendInspect(StringBuilder sb, object? value, int depth = 0)
    {
        switch (value)
        {
            case null:
                sb.Append("nil");
                return;
            case string s:
                sb.Append('"');
                foreach (var c in s)
                {
                    switch (c)
                    {
                        case '"': sb.Append("\\\""); break;
                        case '\\': sb.Append("\\\\"); break;
                        case '\n': sb.Append("\\n"); break;
                        case '\t': sb.Append("\\t"); break;
                        default: sb.Append(c); break;
                    }
                }

                sb.Append('"');
                return;
        }

        if (Sequences.IsHash(value))
        {
            if (depth >= Sequences.MaxDepth)
            {
                sb.Append("{...}");
                return;
            }

            sb.Append('{');
            var first = true;
            foreach (var pair in Sequences.AsList(value)!)
            {
                var kv = (object?[])pair!;
                if (!first)
                {
                    sb.Append(", ");
                }

                first = false;
                AppendInspect(sb, kv[0], depth + 1);
                sb.Append("=>");
                AppendInspect(sb, kv[1], depth + 1);
            }

            sb.Append('}');
            return;
        }

        if (Sequences.IsArray(value))
        {
            if (depth >= Sequences.MaxDepth)
            {
                sb.Append("[...]");
                return;
            }

            sb.Append('[');
            var first = true;
            foreach (var item in Sequences.AsList(value)!)
            {
                if (!first)
                {
                    sb.Append(", ");
                }

                first = false;
                AppendInspect(sb, item, depth + 1);
            }

            sb.Append(']');
            return;
        }

        Append(sb, value);
    }

    private static void AppendTime(StringBuilder sb, DateTimeOffset value)
    {
        sb.Append(value.ToString("yyyy-MM-dd HH:mm:ss ", CultureInfo.InvariantCulture));
        var offset = value.Offset;
        sb.Append(offset < TimeSpan.Zero ? '-' : '+');
        offset = offset.Duration();
        sb.Append(offset.Hours.ToString("00", CultureInfo.InvariantCulture)).Append(offset.Minutes.ToString("00", CultureInfo.InvariantCulture));
    }
}
