// Opening a store checks its schema: SQLite migrates its own file, a shared PostgreSQL database waits for `db migrate`.
using Newsletter.Storage;
using Newsletter.Tests.Support;
using Npgsql;

namespace Newsletter.Tests.Storage;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class SchemaVersionTests(StoreKind kind)
{
    [Test]
    public void Open_SchemaNewerThanTheProgram_IsRefused()
    {
        using var test = TestStore.Create(kind);
        var newer = Migrator.LatestVersion + 1;
        using (var connection = test.Database.Connect())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = kind == StoreKind.Sqlite ? $"PRAGMA user_version = {newer}" : $"UPDATE schema_version SET version = {newer}";
            command.ExecuteNonQuery();
        }
        var message = $"has schema version {newer}, newer than this program supports ({Migrator.LatestVersion}); upgrade newsletter";

        Assert.Multiple(() =>
        {
            Assert.That(() => test.Reopen(), Throws.TypeOf<StorageException>().With.Message.EndsWith(message));
            Assert.That(() => Database.OpenForMigration(test.Setting), Throws.TypeOf<StorageException>().With.Message.EndsWith(message));
            Assert.That(() => test.Database.Migrate(), Throws.TypeOf<StorageException>().With.Message.EndsWith(message));
        });
    }

    [Test]
    public void Migrate_UpToDate_AppliesNothing()
    {
        using var test = TestStore.Create(kind);

        Assert.That(test.Database.Migrate(), Is.Empty);
        Assert.That(test.Database.SchemaVersion(), Is.EqualTo(Migrator.LatestVersion));
    }
}

// Only PostgreSQL is shared, so only there is opening an older schema refused rather than migrated.
[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class PostgresSchemaTests
{
    private readonly List<string> _databases = [];

    [TearDown]
    public void TearDown()
    {
        foreach (var setting in _databases) TestStore.DropPostgresDatabase(setting);
        _databases.Clear();
    }

    [Test]
    public void Open_WrongPassword_IsAStorageErrorNamingTheDatabaseButNotThePassword()
    {
        var setting = NewDatabase();
        var builder = new NpgsqlConnectionStringBuilder(setting) { Password = "not-the-password-4711" };
        var display = DatabaseAddress.Parse(builder.ConnectionString).Display;

        var error = Assert.Throws<StorageException>(() => Database.Open(builder.ConnectionString))!;

        Assert.That(error.Message, Does.StartWith($"the database {display} refused the login"));
        Assert.That(error.Message, Does.Not.Contain("not-the-password-4711"));
    }

    [Test]
    public void Open_NoServerOnThePort_IsAStorageErrorSayingItCannotBeReached()
    {
        var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        port.Start();
        var free = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();

        var error = Assert.Throws<StorageException>(() => Database.Open($"postgres://mailer:secret@127.0.0.1:{free}/newsletter"))!;

        Assert.That(error.Message, Does.StartWith($"the database postgres://mailer@127.0.0.1:{free}/newsletter cannot be reached"));
        Assert.That(error.Message, Does.Not.Contain("secret"));
    }

    [Test]
    public void Open_EmptyPostgresDatabase_IsRefusedNamingDbMigrate()
    {
        var setting = NewDatabase();
        var display = DatabaseAddress.Parse(setting).Display;

        Assert.That(() => Database.Open(setting), Throws.TypeOf<StorageException>().With.Message
            .EqualTo($"the database {display} has no newsletter schema yet; run 'newsletter db migrate' once"));
        Assert.That(Tables(setting), Is.Empty, "opening changed nothing");
    }

    [Test]
    public void Open_PostgresDatabaseOneVersionBehind_IsRefusedNamingDbMigrate()
    {
        var setting = NewDatabase();
        using (var connection = new NpgsqlConnection(setting))
        {
            connection.Open();
            Migrator.Apply(connection, Migrator.LatestVersion - 1);
        }

        Assert.That(() => Database.Open(setting), Throws.TypeOf<StorageException>().With.Message.Contains(
            $"has schema version {Migrator.LatestVersion - 1} and this program needs {Migrator.LatestVersion}; run 'newsletter db migrate'"));
    }

    [Test]
    public void OpenForMigration_EmptyPostgresDatabase_MigrateAppliesEveryVersionThenOpenAccepts()
    {
        var setting = NewDatabase();
        var database = Database.OpenForMigration(setting);

        Assert.That(database.Migrate(), Is.EqualTo(Enumerable.Range(1, Migrator.LatestVersion)));
        Assert.That(Database.Open(setting).SchemaVersion(), Is.EqualTo(Migrator.LatestVersion));
    }

    private string NewDatabase()
    {
        var setting = TestStore.NewPostgresDatabase();
        _databases.Add(setting);
        return setting;
    }

    private static List<string> Tables(string setting)
    {
        using var connection = new NpgsqlConnection(setting);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()", connection);
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read()) tables.Add(reader.GetString(0));
        return tables;
    }
}
