// The test projects run their real peers (PostgreSQL, aiosmtpd, Dovecot, chromium) as Linux processes only.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
