// Rules on setting values, checked once when settings load and again before a real send.
namespace Newsletter.Configuration;

/// <summary>Validates <see cref="NewsletterSettings"/>; every error names the setting and the configuration file.</summary>
internal static class SettingsValidator
{
    /// <summary>Rules every command relies on.</summary>
    /// <exception cref="ConfigurationFileException">A setting is invalid.</exception>
    public static void Validate(NewsletterSettings settings)
    {
        // Every link in every email starts with the base URL; anything but an absolute web address breaks them all
        // (and a javascript: URL would put script in every href).
        if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(baseUrl.Host) || !settings.BaseUrl.Contains("://", StringComparison.Ordinal))
            throw ConfigurationFileException.ForSetting(settings.ConfigFile, "baseUrl",
                $"must be an absolute http or https URL where 'serve' is reachable, e.g. \"https://news.example.com\"; got \"{settings.BaseUrl}\"");
        if (!DatabaseSetting.IsServer(settings.Database) && (Directory.Exists(settings.Database) || Path.EndsInDirectorySeparator(settings.Database)))
            throw ConfigurationFileException.ForSetting(settings.ConfigFile, "database",
                $"must name a file, e.g. \"newsletter.db\"; \"{settings.Database}\" is a folder");
        if (settings.DatabaseBusyTimeout is < 1 or > 3600)
            throw ConfigurationFileException.ForSetting(settings.ConfigFile, "databaseBusyTimeout",
                $"must be a number of seconds from 1 to 3600; got {settings.DatabaseBusyTimeout}");
        ValidateDesign(settings.Design, settings.ConfigFile);
    }

    // Values land in the stylesheet and in img attributes of every email, so only well-formed ones pass.
    private static void ValidateDesign(DesignSettings design, string file)
    {
        if (design.Accent is { } accent && !IsHexColour(accent))
            throw ConfigurationFileException.ForSetting(file, "design.accent", $"must be a colour written #rrggbb, e.g. \"#0969da\"; got \"{accent}\"");
        if (design.LogoWidth is < 16 or > 600)
            throw ConfigurationFileException.ForSetting(file, "design.logoWidth",
                $"must be a width in pixels from 16 to 600 (the email is 600 px wide); got {design.LogoWidth}");
        if (design.Logo is not { } logo) return;
        if (!design.LogoIsFile)
        {
            if (!Uri.TryCreate(logo, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
                throw ConfigurationFileException.ForSetting(file, "design.logo", $"must be an https URL or an image file; got \"{logo}\"");
            return;
        }
        if (logo.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            throw ConfigurationFileException.ForSetting(file, "design.logo",
                $"must be an https URL (mail clients and the archive's https pages block plain http images) or an image file; got \"{logo}\"");
        if (!DesignSettings.LogoTypes.ContainsKey(Path.GetExtension(logo)))
            throw ConfigurationFileException.ForSetting(file, "design.logo",
                $"must be a PNG, JPEG or GIF file (mail clients do not show SVG or WebP); got \"{logo}\"");
        if (!File.Exists(logo))
            throw ConfigurationFileException.ForSetting(file, "design.logo", $"names a file that does not exist: {logo}");
    }

    private static bool IsHexColour(string value) =>
        value.Length == 7 && value[0] == '#' && value.Skip(1).All(char.IsAsciiHexDigit);

    /// <summary>What a real send needs on top; see <see cref="NewsletterSettings.ValidateForSending"/>.</summary>
    /// <exception cref="ConfigurationFileException">A setting is missing or invalid.</exception>
    public static void ValidateForSending(NewsletterSettings settings)
    {
        if (!settings.BaseUrlConfigured)
            throw ConfigurationFileException.ForSetting(settings.ConfigFile, "baseUrl",
                "is not set; a real send needs the public address of 'serve', e.g. \"baseUrl\": \"https://news.example.com\"");
        if (!settings.FromConfigured)
            throw ConfigurationFileException.ForSetting(settings.ConfigFile, "from",
                "is not set; a real send needs your sender mailbox, e.g. \"from\": \"The Build <news@example.com>\"");
        if (!System.Net.Mail.MailAddress.TryCreate(settings.From, out _))
            throw ConfigurationFileException.ForSetting(settings.ConfigFile, "from",
                $"must be a mailbox such as \"The Build <news@example.com>\"; got \"{settings.From}\"");
        Validate(settings);
    }
}
