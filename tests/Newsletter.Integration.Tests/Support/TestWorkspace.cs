// A workspace made by `newsletter init` in a temporary folder, with helpers to adjust it.
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Newsletter.Integration.Tests.Support;

public sealed class TestWorkspace : IDisposable
{
    public TestWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("newsletter-it-").FullName;
        var init = NewsletterCli.Run(Root, "init", ".");
        Assert.That(init.ExitCode, Is.EqualTo(0), init.Error);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "issues"))) File.Delete(file);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Configure(Action<JsonObject> change)
    {
        var path = PathOf("newsletter.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    public CliResult Run(params string[] args) => NewsletterCli.Run(Root, args);

    public long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={PathOf("newsletter.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
