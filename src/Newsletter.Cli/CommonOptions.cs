// Options every command shares.
using System.CommandLine;
using Newsletter.Configuration;

namespace Newsletter.Cli;

/// <summary>Options shared by all commands.</summary>
internal static class CommonOptions
{
    /// <summary><c>--config FILE</c>, default <c>./newsletter.json</c>.</summary>
    public static readonly Option<string> Config = new("--config")
    {
        Description = "The workspace's configuration file",
        DefaultValueFactory = _ => SettingsLoader.DefaultFileName,
        Recursive = true,
    };
}
