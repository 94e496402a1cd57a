// The sample subscriber list that ships inside the command, for `init` and for `quickstart` in a workspace without one.
using System.Reflection;

namespace Newsletter.Cli.Commands;

/// <summary>
/// The repository's <c>issues/sample-subscribers.csv</c>, embedded at build time: a header <c>email,name,company,plan</c>
/// and ten subscribers at reserved example domains (RFC 2606), so nothing mailed to them can reach anyone.
/// </summary>
internal static class SampleList
{
    /// <summary>Where <c>init</c> writes it and <c>quickstart</c> looks for it, relative to the workspace.</summary>
    public const string DefaultPath = "issues/sample-subscribers.csv";

    private const string ResourceName = "samples/sample-subscribers.csv";

    /// <summary>Writes the list to <paramref name="path"/>, replacing any file there.</summary>
    public static void WriteTo(string path)
    {
        using var source = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the command was built without its {ResourceName} resource");
        using var destination = File.Create(path);
        source.CopyTo(destination);
    }
}
