// Options every command shares.
using System.CommandLine;
using Newsletter.Configuration;
using Newsletter.Delivery;

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

    /// <summary><c>--force</c> for each command that sends: mail real inboxes despite placeholder settings (see <see cref="LiveSendRule"/>).</summary>
    public static Option<bool> Force() => new(LiveSendRule.ForceOption)
    {
        Description = "Send through SMTP or sendmail even with a loopback or plain-http baseUrl or a reserved (example.com) sender",
    };
}
