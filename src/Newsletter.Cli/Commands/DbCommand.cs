// `newsletter db migrate | version | copy --to ADDRESS`: the schema, explicitly, and a move from SQLite to PostgreSQL.
using System.CommandLine;
using Newsletter.Configuration;
using Newsletter.Storage;

namespace Newsletter.Cli.Commands;

/// <summary>
/// The <c>db</c> command. A SQLite file migrates itself whenever a command opens it; a shared PostgreSQL database
/// changes only when an operator runs <c>db migrate</c>, so that no server upgrades the schema under the others.
/// </summary>
internal static class DbCommand
{
    public static Command Create() => new("db", "The workspace database: apply migrations, show the schema version, copy into PostgreSQL")
    {
        Migrate(),
        Version(),
        Copy(),
    };

    private static Command Migrate()
    {
        var command = new Command("migrate", "Apply the migrations the database lacks (needed once per upgrade on PostgreSQL)");
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var settings = SettingsLoader.Load(result.GetValue(CommonOptions.Config)!);
            var database = Database.OpenForMigration(settings.Database, TimeSpan.FromSeconds(settings.DatabaseBusyTimeout));
            var before = database.SchemaVersion();
            var applied = database.Migrate();
            CliConsole.Out.WriteLine(applied.Count == 0
                ? $"{database.Display} is at schema version {before}, the latest; nothing to do."
                : $"{database.Display}: applied {string.Join(", ", applied.Select(v => $"{v:0000}"))}; schema version {before} -> {Migrator.LatestVersion}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Version()
    {
        var command = new Command("version", "Show the database's schema version and the one this program needs");
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var settings = SettingsLoader.Load(result.GetValue(CommonOptions.Config)!);
            var database = Database.OpenForMigration(settings.Database, TimeSpan.FromSeconds(settings.DatabaseBusyTimeout));
            var version = database.SchemaVersion();
            CliConsole.Out.WriteLine($"{database.Display} ({database.Kind}): schema version {version}; this program needs {Migrator.LatestVersion}" +
                (version < Migrator.LatestVersion ? " (run 'newsletter db migrate')" : ""));
            return version == Migrator.LatestVersion ? ExitCodes.Ok : ExitCodes.Unavailable;
        }));
        return command;
    }

    private static Command Copy()
    {
        var to = new Option<string>("--to")
        {
            Description = "The PostgreSQL database to fill, e.g. postgres://mailer@db.example/newsletter (password from NEWSLETTER_DATABASE_PASSWORD or PGPASSWORD)",
            Required = true,
        };
        var command = new Command("copy", "Copy every row of the workspace database into a new PostgreSQL database, with counts and checksums") { to };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var settings = SettingsLoader.Load(result.GetValue(CommonOptions.Config)!);
            var timeout = TimeSpan.FromSeconds(settings.DatabaseBusyTimeout);
            var source = Database.Open(settings.Database, timeout);
            var target = Database.OpenForMigration(result.GetValue(to)!, timeout);
            target.Migrate();
            var results = DatabaseCopy.Run(source, target);
            CliConsole.Out.WriteLine($"{source.Display} -> {target.Display}");
            CliConsole.Out.WriteLine($"  {"table",-18} {"rows",10}  checksum");
            foreach (var table in results)
                CliConsole.Out.WriteLine($"  {table.Table,-18} {table.Target.Rows,10:N0}  {table.Target.Hex}" +
                    (table.Matches ? table.Derived ? "  (rebuilt by the schema, equal)" : "  equal" : $"  DIFFERS: source {table.Source.Rows:N0} rows, {table.Source.Hex}"));
            var bad = results.Where(r => !r.Matches).Select(r => r.Table).ToList();
            if (bad.Count > 0)
            {
                CliConsole.Error.WriteLine($"error: the copy differs from the source in {string.Join(", ", bad)}");
                return ExitCodes.Unavailable;
            }
            CliConsole.Out.WriteLine($"Copied {results.Where(r => !r.Derived).Sum(r => r.Target.Rows):N0} rows; every table matches. " +
                "Point 'database' at the new address to use it.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
