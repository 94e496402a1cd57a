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
        if (Directory.Exists(settings.Database) || Path.EndsInDirectorySeparator(settings.Database))
            throw ConfigurationFileException.ForSetting(settings.ConfigFile, "database",
                $"must name a file, e.g. \"newsletter.db\"; \"{settings.Database}\" is a folder");
    }

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
