// The salted hashes that keep an erased person suppressed without keeping their address.
using System.Security.Cryptography;
using System.Text;
using Newsletter.Storage;

namespace Newsletter.Audience.Suppression;

/// <summary>
/// Hashes addresses as HMAC-SHA256 (RFC 2104) keyed with the database's random 32-byte erasure salt, over the
/// normalised address in lower case, as lower-case hex. Only hashes are stored, so an erased address cannot be read
/// back, yet an import or sign-up of the same address is recognised and suppressed.
/// </summary>
public sealed class ErasedAddresses
{
    private readonly byte[] _salt;

    /// <summary>Reads the salt from <paramref name="database"/>.</summary>
    public ErasedAddresses(Database database)
    {
        Database = database;
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", "erasure-salt");
        _salt = (byte[])command.ExecuteScalar()!;
    }

    /// <summary>The database holding the hashes.</summary>
    public Database Database { get; }

    /// <summary>The hash of a normalised address.</summary>
    public string Hash(string normalizedEmail) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(normalizedEmail.ToLowerInvariant())));

    /// <summary>True when this normalised address was erased.</summary>
    public bool IsErased(string normalizedEmail)
    {
        using var connection = Database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", "is-erased");
        command.Bind("@hash", Hash(normalizedEmail));
        return (long)command.ExecuteScalar()! > 0;
    }

    /// <summary>Every stored hash, for checking a whole import in memory (64 hex characters each).</summary>
    public HashSet<string> LoadAll()
    {
        using var connection = Database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", "erased-hashes");
        using var reader = command.ExecuteReader();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) hashes.Add(reader.GetString(0));
        return hashes;
    }
}
