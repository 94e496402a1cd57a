// Unwraps JsonElement leaves into plain values; objects and arrays stay as JsonElement (no copying).
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Newsletter.Liquid.Values;

internal static class JsonValues
{
    public static object? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return NumberFrom(element);
            case JsonValueKind.True:
                return Boxes.True;
            case JsonValueKind.False:
                return Boxes.False;
            case JsonValueKind.Object:
            case JsonValueKind.Array:
                return element;
            default:
                return null;
        }
    }

    private static object NumberFrom(JsonElement element)
    {
        // A JSON number written with a fraction or exponent is a float, as Ruby's JSON parser decides.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 && element.TryGetInt64(out var l))
        {
            return Boxes.Int(l);
        }

        return element.GetDouble();
    }
}
