// Cached boxes for small integers and booleans, so loop counters and filter results rarely allocate.
namespace Newsletter.Liquid.Values;

internal static class Boxes
{
    public static readonly object True = true;
    public static readonly object False = false;

    private const int CacheMin = -128;
    private const int CacheMax = 1024;
    private static readonly object[] SmallInts = CreateSmallInts();

    public static object Bool(bool value) => value ? True : False;

    public static object Int(long value) =>
        value >= CacheMin && value <= CacheMax ? SmallInts[value - CacheMin] : value;

    private static object[] CreateSmallInts()
    {
        var result = new object[CacheMax - CacheMin + 1];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (long)(i + CacheMin);
        }

        return result;
    }
}
