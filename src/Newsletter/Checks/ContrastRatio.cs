// The contrast ratio of two sRGB colours, as WCAG defines it.
namespace Newsletter.Checks;

/// <summary>Contrast ratios of <c>#rrggbb</c> colours, following WCAG 2.1 §1.4.3 and its definitions of relative luminance and contrast ratio.</summary>
public static class ContrastRatio
{
    /// <summary>The ratio AA asks of normal-size text (WCAG 2.1 §1.4.3).</summary>
    public const double TextMinimum = 4.5;

    /// <summary>The ratio of <paramref name="first"/> to <paramref name="second"/>, from 1 (same) to 21 (black on white).</summary>
    /// <exception cref="ArgumentException">A colour is not written <c>#rrggbb</c> (settings validation lets no other form through).</exception>
    public static double Of(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    // Relative luminance: each sRGB channel linearised, then weighted by how bright the eye sees it.
    private static double Luminance(string colour)
    {
        if (colour.Length != 7 || colour[0] != '#' || !colour.Skip(1).All(char.IsAsciiHexDigit))
            throw new ArgumentException($"'{colour}' is not a colour written #rrggbb", nameof(colour));
        double Channel(int offset)
        {
            var c = Convert.ToInt32(colour.Substring(offset, 2), 16) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
