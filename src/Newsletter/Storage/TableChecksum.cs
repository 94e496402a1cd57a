// A count and an order-free checksum of a table's rows, computed the same way whichever engine holds them.
using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Newsletter.Storage;

/// <summary>
/// The rows of a table, summed up: their number and the sum (mod 2^64) of the first 8 bytes of each row's SHA-256.
/// A row is hashed from its values in column-name order, each written as its type and text (null, a 64-bit integer
/// in decimal, text as UTF-8, bytes as hex), so SQLite and PostgreSQL give the same checksum for the same rows, and a
/// sum does not depend on the order the engine returns them in (collations sort differently).
/// </summary>
/// <param name="Rows">Rows counted.</param>
/// <param name="Sum">The checksum, printed as 16 hex digits.</param>
public sealed record TableChecksum(long Rows, ulong Sum)
{
    /// <summary>The checksum as 16 lower-case hex digits.</summary>
    public string Hex => Sum.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Reads every row of <paramref name="table"/> on <paramref name="connection"/>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="table">A table of <see cref="StoreTables.All"/> (never user input).</param>
    /// <param name="columns">The columns to include, in the order hashed.</param>
    public static TableChecksum Of(DbConnection connection, string table, IReadOnlyList<string> columns)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table}";
        using var reader = command.ExecuteReader();
        long rows = 0;
        ulong sum = 0;
        var text = new StringBuilder();
        Span<byte> hash = stackalloc byte[32];
        while (reader.Read())
        {
            text.Clear();
            for (var i = 0; i < columns.Count; i++) Append(text, reader.GetValue(i));
            SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt64BigEndian(hash));
            rows++;
        }
        return new TableChecksum(rows, sum);
    }

    private static void Append(StringBuilder text, object value)
    {
        switch (value)
        {
            case DBNull: text.Append("N;"); break;
            case byte[] bytes: text.Append("B").Append(Convert.ToHexStringLower(bytes)).Append(';'); break;
            case string s: text.Append("T").Append(s.Length).Append(':').Append(s).Append(';'); break;
            case long or int or short or bool:
                text.Append("I").Append(Convert.ToInt64(value, CultureInfo.InvariantCulture)).Append(';'); break;
            default: text.Append("O").Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append(';'); break;
        }
    }
}
