// The header line of an import file: which column is the address, the name, the tags, the status, and the fields.
namespace Newsletter.Audience;

/// <summary>
/// Maps header names (case-insensitive) to meanings: <c>email</c> (required), <c>name</c>, <c>tags</c>,
/// <c>status</c>; every other column is a custom field named by its header as written.
/// </summary>
public sealed class ImportHeader
{
    private ImportHeader(string[] names, int email, int name, int tags, int status)
    {
        Names = names;
        Email = email;
        Name = name;
        Tags = tags;
        Status = status;
    }

    /// <summary>Column names as written (trimmed).</summary>
    public string[] Names { get; }

    /// <summary>0-based column of the address.</summary>
    public int Email { get; }

    /// <summary>0-based column of the name, or -1.</summary>
    public int Name { get; }

    /// <summary>0-based column of the tags, or -1.</summary>
    public int Tags { get; }

    /// <summary>0-based column of the status, or -1.</summary>
    public int Status { get; }

    /// <summary>True when column <paramref name="index"/> is a custom field.</summary>
    public bool IsField(int index) => index != Email && index != Name && index != Tags && index != Status;

    /// <summary>The most columns a header may have; a subscriber list needs a handful, and each costs memory per row.</summary>
    public const int MaxColumns = 1000;

    /// <summary>Reads the header record; returns null and sets <paramref name="problem"/> when it is unusable.</summary>
    public static ImportHeader? Read(string[] record, out ImportProblem? problem)
    {
        problem = null;
        if (record.Length > MaxColumns)
        {
            problem = new ImportProblem(1, MaxColumns + 1, $"the header has {record.Length} columns; at most {MaxColumns} are allowed");
            return null;
        }
        var names = record.Select(n => n.Trim()).ToArray();
        // Each name is looked up once, so a wide header costs linear time.
        var first = new Dictionary<string, int>(names.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                problem = new ImportProblem(1, i + 1, $"column {i + 1} of the header has no name");
                return null;
            }
            if (!first.TryAdd(names[i], i))
            {
                problem = new ImportProblem(1, i + 1, $"the header names '{names[i]}' twice (columns {first[names[i]] + 1} and {i + 1})");
                return null;
            }
        }
        var email = Find(names, "email");
        if (email < 0)
        {
            problem = new ImportProblem(1, 1, $"the header has no 'email' column (found: {string.Join(", ", names)})");
            return null;
        }
        return new ImportHeader(names, email, Find(names, "name"), Find(names, "tags"), Find(names, "status"));
    }

    private static int Find(string[] names, string name) => Array.FindIndex(names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
}
