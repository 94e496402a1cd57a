// A throwaway real PostgreSQL server on 127.0.0.1 in a temp folder, with a fresh database per test.
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;
using NUnit.Framework;

namespace Newsletter.Testing;

/// <summary>
/// A PostgreSQL cluster made by Debian's <c>initdb</c> in a temp folder and served by its <c>postgres</c> on a free
/// port of 127.0.0.1, as an unprivileged user, with a superuser role that logs in by password (SCRAM-SHA-256),
/// as the product does. Durability is switched off: the cluster lives only as long as the tests.
/// </summary>
public sealed partial class PostgresCluster : IDisposable
{
    private const string Host = "127.0.0.1";
    private const string Role = "newsletter";
    private static readonly Lazy<PostgresCluster> SharedCluster = new(() => new PostgresCluster(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _root;
    private readonly ServerAccount _account = ServerAccount.ForPostgres();
    private readonly PostgresServer _server = null!;
    private readonly List<string> _databases = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>Makes a new cluster and starts its server; fails the test if the server is missing or does not start.</summary>
    public PostgresCluster()
    {
        var bin = PostgresBinaries.Folder();
        Password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // /tmp rather than TMPDIR: the server user must reach the folder, and its socket path must stay short.
        _root = Path.Combine(Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(), "newsletter-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            Directory.CreateDirectory(SocketDirectory);
            InitDb(bin);
            _server = PostgresServer.Start(_account, bin, DataDirectory, SocketDirectory, CanLogIn);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>One cluster for the whole test process, started on first use; safe to use from parallel fixtures.</summary>
    public static PostgresCluster Shared => SharedCluster.Value;

    /// <summary>Stops <see cref="Shared"/> if something started it; for the test assembly's one-time teardown.</summary>
    public static void StopShared()
    {
        if (SharedCluster.IsValueCreated) SharedCluster.Value.Dispose();
    }

    /// <summary>The TCP port the server listens on, at 127.0.0.1.</summary>
    public int Port => _server.Port;

    /// <summary>The superuser role the connection strings log in as.</summary>
    public string UserName => Role;

    /// <summary>That role's password, random for each cluster.</summary>
    public string Password { get; }

    /// <summary>The process id of the server (the postmaster).</summary>
    public int ProcessId => _server.ProcessId;

    /// <summary>The operating-system user the server runs as.</summary>
    public string ServerUser => _account.Name;

    /// <summary>The cluster's data folder, deleted by <see cref="Dispose"/>.</summary>
    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>What the server has logged so far, for a failing test to show.</summary>
    public string Log => _server.Log;

    private string SocketDirectory => Path.Combine(_root, "socket");

    /// <summary>
    /// Creates an empty database and returns its Npgsql connection string (TCP, password, pooled). Safe to call
    /// from many tests at once.
    /// </summary>
    /// <param name="name">Lower-case letters, digits and underscores, at most 63; a unique name when null.</param>
    /// <exception cref="ArgumentException">The name is not a plain lower-case identifier.</exception>
    /// <exception cref="PostgresException">The server refused, e.g. because the database already exists.</exception>
    public string CreateDatabase(string? name = null)
    {
        name ??= "test_" + Guid.NewGuid().ToString("N");
        if (!PlainIdentifier().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a plain database name (a-z, 0-9, _; at most 63)", nameof(name));
        using (var connection = new NpgsqlConnection(AdminConnectionString(Port)))
        {
            connection.Open();
            // A database name cannot be a bound parameter; the pattern above keeps it a plain identifier.
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        var connectionString = ConnectionString(Port, name);
        lock (_lock) _databases.Add(connectionString);
        return connectionString;
    }

    /// <summary>The connection to <paramref name="database"/> as a URL: <c>postgres://user:password@127.0.0.1:port/database</c>.</summary>
    public string Url(string database) =>
        $"postgres://{Uri.EscapeDataString(UserName)}:{Uri.EscapeDataString(Password)}@{Host}:{Port}/{Uri.EscapeDataString(database)}";

    /// <summary>Stops the server by its process id (fast shutdown, SIGKILL after 10 seconds) and deletes its folder.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
        }
        try
        {
            ClearPools();
            _server?.Dispose();
        }
        finally
        {
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    // The password goes in by file so that it never shows on a command line.
    private void InitDb(string bin)
    {
        var passwordFile = Path.Combine(_root, "password");
        File.WriteAllText(passwordFile, Password + "\n");
        _account.Own(_root);
        var (exitCode, output) = ServerAccount.Run(_account.Start(Path.Combine(bin, "initdb"), _root,
            "-D", DataDirectory, "-U", Role, "-A", "scram-sha-256", $"--pwfile={passwordFile}",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        File.Delete(passwordFile);
        if (exitCode != 0) Assert.Fail($"initdb failed ({exitCode}):\n{output}");
    }

    private bool CanLogIn(int port)
    {
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString(port));
            connection.Open();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    // Idle pooled connections would otherwise outlive the server and fail whoever draws them next.
    private void ClearPools()
    {
        string[] databases;
        lock (_lock) databases = [.. _databases];
        foreach (var connectionString in databases)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private string AdminConnectionString(int port) => new NpgsqlConnectionStringBuilder(ConnectionString(port, "postgres"))
    {
        Pooling = false,
        Timeout = 5,
    }.ConnectionString;

    // Pools stay small and shed idle connections quickly: many tests each have their own database on one server.
    private string ConnectionString(int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = port,
        Username = UserName,
        Password = Password,
        Database = database,
        Pooling = true,
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
        ConnectionPruningInterval = 2,
        IncludeErrorDetail = true,
    }.ConnectionString;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
