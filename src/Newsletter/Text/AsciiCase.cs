// Case folding of the ASCII letters only: what SQLite's NOCASE and PostgreSQL's lower() under the "C" collation do.
namespace Newsletter.Text;

/// <summary>
/// Compares and folds text with A-Z taken as a-z and every other character as it is, so that code agrees exactly with
/// the stores: SQLite's <c>NOCASE</c> collation (https://www.sqlite.org/datatype3.html#collation) and PostgreSQL's
/// <c>lower()</c> under the "C" collation fold only ASCII letters. <c>É</c> and <c>é</c> stay different here, as there.
/// </summary>
public sealed class AsciiCase : IEqualityComparer<string>
{
    /// <summary>The one instance; it keeps no state.</summary>
    public static AsciiCase Comparer { get; } = new();

    private AsciiCase() { }

    /// <summary><paramref name="text"/> with A-Z lowered; the same instance when there is nothing to lower.</summary>
    public static string Fold(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('A', 'Z');
        if (first < 0) return text;
        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.first; i < span.Length; i++)
                if (span[i] is >= 'A' and <= 'Z') span[i] = (char)(span[i] | 0x20);
        });
    }

    /// <inheritdoc />
    public bool Equals(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.Length != y.Length) return false;
        for (var i = 0; i < x.Length; i++)
            if (x[i] != y[i] && Lower(x[i]) != Lower(y[i])) return false;
        return true;
    }

    /// <inheritdoc />
    public int GetHashCode(string text)
    {
        var hash = new HashCode();
        foreach (var c in text) hash.Add(Lower(c));
        return hash.ToHashCode();
    }

    private static char Lower(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
