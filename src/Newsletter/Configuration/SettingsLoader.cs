// Loads newsletter.json plus NEWSLETTER__* environment overrides into NewsletterSettings.
using Microsoft.Extensions.Configuration;

namespace Newsletter.Configuration;

/// <summary>Reads workspace settings from a JSON file and the environment.</summary>
public static class SettingsLoader
{
    /// <summary>The configuration file name looked for when none is given.</summary>
    public const string DefaultFileName = "newsletter.json";

    /// <summary>
    /// Loads <paramref name="configPath"/> (JSON, keys case-insensitive), applies environment variables
    /// prefixed <c>NEWSLETTER__</c> (double underscore separates sections, e.g. <c>NEWSLETTER__SMTP__USERNAME</c>)
    /// and resolves relative paths against the file's folder.
    /// </summary>
    /// <exception cref="ConfigurationFileException">
    /// The file is missing or is not valid JSON (with line and column), or a setting is invalid: <c>baseUrl</c> not an
    /// absolute http(s) URL, <c>database</c> a folder, a <c>design</c> value malformed (the message names the setting and its line).
    /// </exception>
    public static NewsletterSettings Load(string configPath)
    {
        var fullPath = RunEnvironment.Current.FullPath(configPath);
        if (!File.Exists(fullPath))
            throw new ConfigurationFileException(fullPath, 0, 0,
                "configuration file not found; create one with 'newsletter init DIR' or pass --config FILE");

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder()
                .AddJsonFile(fullPath, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables(prefix: EnvironmentPrefix)
                .AddInMemoryCollection(RunOverrides())
                .Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw ConfigurationFileException.FromJsonError(fullPath, e);
        }

        // Read before binding: the binder would take the values of an object ({"plan": "free"}) as a list of names.
        var fields = DeclaredFields(root.GetSection("fields"), fullPath);
        var raw = new NewsletterSettings();
        try
        {
            raw = root.Get<NewsletterSettings>() ?? raw;
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationFileException(fullPath, 0, 0, e.Message);
        }
        var settings = Resolve(raw, Path.GetDirectoryName(fullPath)!, fullPath, root, fields);
        SettingsValidator.Validate(settings);
        return settings;
    }

    private const string EnvironmentPrefix = "NEWSLETTER__";

    // The variables a run has over the process's (an in-process run's own), named as the environment provider names them.
    private static IEnumerable<KeyValuePair<string, string?>> RunOverrides() =>
        RunEnvironment.Current.Overrides
            .Where(v => v.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => KeyValuePair.Create(v.Key[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), v.Value));

    private static NewsletterSettings Resolve(NewsletterSettings s, string root, string file, IConfiguration given, IReadOnlyList<string> fields)
    {
        string Abs(string p) => Path.GetFullPath(p, root);
        return new NewsletterSettings
        {
            Name = s.Name,
            Language = s.Language,
            From = s.From,
            ReplyTo = string.IsNullOrWhiteSpace(s.ReplyTo) ? null : s.ReplyTo,
            BaseUrl = s.BaseUrl.TrimEnd('/'),
            PostalAddress = s.PostalAddress,
            // A server address is kept as written; a file is found beside the configuration.
            Database = DatabaseSetting.IsServer(s.Database) ? s.Database.Trim() : Abs(s.Database),
            DatabaseBusyTimeout = s.DatabaseBusyTimeout,
            Issues = Abs(s.Issues),
            Templates = Abs(s.Templates),
            Transport = ResolveTransport(s.Transport, Abs),
            Fields = fields,
            Smtp = s.Smtp,
            Design = ResolveDesign(s.Design, Abs),
            Delivery = s.Delivery,
            Dkim = s.Dkim is { } dkim && !string.IsNullOrWhiteSpace(dkim.PrivateKeyFile)
                ? new DkimSettings { Domain = dkim.Domain.Trim(), Selector = dkim.Selector.Trim(), PrivateKeyFile = Abs(dkim.PrivateKeyFile) }
                : null,
            UnsubscribeMailto = string.IsNullOrWhiteSpace(s.UnsubscribeMailto) ? null : s.UnsubscribeMailto.Trim(),
            BounceAddress = string.IsNullOrWhiteSpace(s.BounceAddress) ? null : s.BounceAddress.Trim(),
            Bounces = s.Bounces,
            SigningKeyFile = string.IsNullOrWhiteSpace(s.SigningKeyFile) ? null : Abs(s.SigningKeyFile),
            WorkspaceRoot = root,
            StatsToken = string.IsNullOrWhiteSpace(s.StatsToken) ? null : s.StatsToken,
            RateLimitPerMinute = s.RateLimitPerMinute,
            ConfigFile = file,
            BaseUrlConfigured = !string.IsNullOrWhiteSpace(given["baseUrl"]),
            FromConfigured = !string.IsNullOrWhiteSpace(given["from"]),
        };
    }

    // The "fields" setting: an array of names (configuration keys 0, 1, ...), each a non-empty string.
    private static IReadOnlyList<string> DeclaredFields(IConfigurationSection section, string file)
    {
        const string Shape = "must be a list of merge field names, e.g. \"fields\": [\"plan\", \"company\"]; " +
            "a value for subscribers without one belongs in the template: {{ subscriber.fields.plan | default: \"free\" }}";
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
            return string.IsNullOrEmpty(section.Value) ? [] : throw ConfigurationFileException.ForSetting(file, "fields", Shape);
        var names = new List<string>(children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].Key != i.ToString(System.Globalization.CultureInfo.InvariantCulture) || children[i].Value is null)
                throw ConfigurationFileException.ForSetting(file, "fields", Shape);
            var name = children[i].Value!.Trim();
            if (name.Length == 0) throw ConfigurationFileException.ForSetting(file, "fields", $"lists an empty name (item {i + 1}); {Shape}");
            if (!names.Contains(name, StringComparer.Ordinal)) names.Add(name);
        }
        return names;
    }

    // A logo URL stays as written; a file is found relative to the configuration file.
    private static DesignSettings ResolveDesign(DesignSettings d, Func<string, string> abs)
    {
        var logo = string.IsNullOrWhiteSpace(d.Logo) ? null : d.Logo.Trim();
        var isUrl = logo is not null && (logo.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || logo.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        return new DesignSettings
        {
            Logo = logo is null || isUrl ? logo : abs(logo),
            LogoWidth = d.LogoWidth,
            Accent = string.IsNullOrWhiteSpace(d.Accent) ? null : d.Accent.Trim(),
            Footer = string.IsNullOrWhiteSpace(d.Footer) ? null : d.Footer.Trim(),
        };
    }

    // Only the outbox form carries a path; SMTP URLs are left as written.
    private static string ResolveTransport(string transport, Func<string, string> abs) =>
        transport.StartsWith("outbox:", StringComparison.OrdinalIgnoreCase)
            ? "outbox:" + abs(transport["outbox:".Length..])
            : transport;
}
