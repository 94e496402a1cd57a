// The secret keys that sign personal links, loaded from the environment or a key file kept outside the repo.
using System.Security.Cryptography;
using System.Text;
using Newsletter.Configuration;

namespace Newsletter.Signing;

/// <summary>
/// HMAC-SHA256 keys for personal links. The first key signs; every key verifies, so a key can be rotated by
/// putting a new one first. Each key's id is the first byte of its SHA-256 hash, carried in tokens so the
/// verifier picks the right key without trying them all.
/// </summary>
public sealed class SigningKeyRing
{
    /// <summary>Environment variable holding keys (base64, 32+ bytes each, comma-separated, signing key first).</summary>
    public const string EnvironmentVariable = "NEWSLETTER_SIGNING_KEY";

    // One byte of hash can be shared by two keys (1 in 256), so an id names a short list, not one key.
    private readonly Dictionary<byte, List<byte[]>> _byId = [];

    /// <summary>Creates a ring; the first key signs.</summary>
    /// <exception cref="ArgumentException">No keys, or a key shorter than 32 bytes (the HMAC-SHA256 block strength).</exception>
    public SigningKeyRing(IReadOnlyList<byte[]> keys)
    {
        if (keys.Count == 0) throw new ArgumentException("at least one signing key is needed", nameof(keys));
        foreach (var key in keys)
        {
            if (key.Length < 32) throw new ArgumentException("signing keys must be at least 32 bytes", nameof(keys));
            if (!_byId.TryGetValue(IdOf(key), out var sameId)) _byId[IdOf(key)] = sameId = [];
            sameId.Add(key);
        }
        SigningKeyId = IdOf(keys[0]);
        SigningKey = keys[0];
    }

    /// <summary>Id of the key that signs new tokens.</summary>
    public byte SigningKeyId { get; }

    /// <summary>The signing key.</summary>
    internal byte[] SigningKey { get; }

    /// <summary>The keys with this id (usually one; none for an unknown id).</summary>
    internal IReadOnlyList<byte[]> Find(byte id) => _byId.TryGetValue(id, out var keys) ? keys : [];

    /// <summary>
    /// Loads keys from <see cref="EnvironmentVariable"/> if set, else from <paramref name="keyFile"/>
    /// (one base64 key per line), creating that file with a fresh random key and owner-only permissions on first use.
    /// </summary>
    /// <exception cref="Configuration.ConfigurationFileException">
    /// A key is not valid base64 or is shorter than 32 bytes, or the file holds no key; the message names
    /// <see cref="EnvironmentVariable"/> or the key file, and which key.
    /// </exception>
    public static SigningKeyRing Load(string keyFile)
    {
        var fromEnvironment = RunEnvironment.Current.Variable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return new SigningKeyRing(Parse(fromEnvironment.Split(','), EnvironmentVariable));
        if (!File.Exists(keyFile)) Create(keyFile);
        return new SigningKeyRing(Parse(File.ReadAllLines(keyFile), keyFile));
    }

    /// <summary>
    /// The default key file for a workspace: under <c>$XDG_CONFIG_HOME/newsletter/keys</c> (or <c>~/.config</c>),
    /// named after a hash of the database path so workspaces never share a key and no key lives in a repository.
    /// </summary>
    public static string DefaultKeyFile(string databasePath)
    {
        var configHome = RunEnvironment.Current.Variable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(configHome))
            configHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RunEnvironment.Current.FullPath(databasePath))))[..16];
        return Path.Combine(configHome, "newsletter", "keys", $"signing-{hash}.key");
    }

    // Checked here rather than left to the constructor, so a person reads which key is wrong and where it came from.
    private static List<byte[]> Parse(IEnumerable<string> lines, string source)
    {
        var keys = new List<byte[]>();
        foreach (var text in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var number = keys.Count + 1;
            var key = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, key, out var length))
                throw KeyError(source, $"key {number} is not valid base64; make one with 'openssl rand -base64 32'");
            if (length < 32)
                throw KeyError(source, $"key {number} is {length} bytes; signing keys must be at least 32 bytes (HMAC-SHA256), e.g. 'openssl rand -base64 32'");
            keys.Add(key[..length]);
        }
        if (keys.Count == 0) throw KeyError(source, "holds no signing key");
        return keys;
    }

    private static Configuration.ConfigurationFileException KeyError(string source, string reason) => new(source, 0, 0, reason);

    private static void Create(string keyFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(RunEnvironment.Current.FullPath(keyFile))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(new FileStream(keyFile, options));
        writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    private static byte IdOf(byte[] key) => SHA256.HashData(key)[0];
}
