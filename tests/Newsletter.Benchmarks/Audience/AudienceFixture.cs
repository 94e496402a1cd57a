// A million-row subscriber CSV and a database loaded from it, made once and shared by the audience benchmarks.
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Newsletter.Audience;
using Newsletter.Storage;

namespace Newsletter.Benchmarks.Audience;

public static class AudienceFixture
{
    public const int Rows = 1_000_000;

    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "newsletter-audience-bench");

    public static string CsvPath => Path.Combine(Folder, "subscribers-1m.csv");

    public static string LoadedDatabasePath => Path.Combine(Folder, "loaded.db");

    // Tags and plans spread so that `tag:rust and not tag:beginner` and `plan = pro` select hundreds of thousands.
    public static string EnsureCsv()
    {
        Directory.CreateDirectory(Folder);
        if (File.Exists(CsvPath)) return CsvPath;
        using var writer = new StreamWriter(CsvPath + ".tmp", false, new UTF8Encoding(false), 1 << 20);
        writer.Write("email,name,tags,plan,city\n");
        string[] cities = ["Berlin", "Zürich", "Lisbon", "Osaka", "Lagos", "Lima"];
        for (var i = 0; i < Rows; i++)
        {
            var tags = (i % 10) switch { < 3 => "rust", 3 => "rust beginner", < 6 => "go", 6 => "go beginner", _ => "" };
            writer.Write($"reader{i}@mail{i % 997}.example,Reader {i},{tags},{(i % 4 == 0 ? "pro" : "free")},{cities[i % cities.Length]}\n");
        }
        writer.Close();
        File.Move(CsvPath + ".tmp", CsvPath);
        return CsvPath;
    }

    public static Database EnsureLoadedDatabase()
    {
        if (!File.Exists(LoadedDatabasePath))
        {
            var temporary = LoadedDatabasePath + ".loading";
            foreach (var file in Directory.GetFiles(Folder, "loaded.db.loading*")) File.Delete(file);
            var database = Database.Open(temporary);
            new SubscriberCsvImporter(database, TimeProvider.System).Import(EnsureCsv());
            using (var connection = database.Connect())
            using (var checkpoint = connection.CreateCommand())
            {
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;";
                checkpoint.ExecuteNonQuery();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Move(temporary, LoadedDatabasePath);
        }
        return Database.Open(LoadedDatabasePath);
    }
}

// Runs in the benchmark process (no generated project to build) with two long iterations: each one handles a million rows.
public sealed class AudienceConfig : ManualConfig
{
    public AudienceConfig()
    {
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(2));
    }
}
