// The header line of an import file: which column is the address, the name, the tags, the status, and the fields.
namespace Newsletter.Audience;

/// <summary>
/// Maps header names (case-insensitive) to meanings: <c>email</c> (required), <c>name</c>, <c>first_name</c>,
/// <c>last_name</c>, <c>tags</c>, <c>status</c>; every other column is a custom field named by its header as written.
/// The name columns may also be written as spreadsheets and mail services export them: <c>First Name</c>,
/// <c>firstname</c>, <c>given_name</c>; <c>Last Name</c>, <c>lastname</c>, <c>surname</c>, <c>family_name</c>.
/// </summary>
public sealed class ImportHeader
{
    private static readonly string[] FirstNameColumns = ["first_name", "firstname", "given_name"];
    private static readonly string[] LastNameColumns = ["last_name", "lastname", "surname", "family_name"];

    private ImportHeader(string[] names, int email, int name, int firstName, int lastName, int tags, int status)
    {
        Names = names;
        Email = email;
        Name = name;
        FirstName = firstName;
        LastName = lastName;
        Tags = tags;
        Status = status;
    }

    /// <summary>Column names as written (trimmed).</summary>
    public string[] Names { get; }

    /// <summary>0-based column of the address.</summary>
    public int Email { get; }

    /// <summary>0-based column of the name, or -1.</summary>
    public int Name { get; }

    /// <summary>0-based column of the first (given) name, or -1.</summary>
    public int FirstName { get; }

    /// <summary>0-based column of the last (family) name, or -1.</summary>
    public int LastName { get; }

    /// <summary>0-based column of the tags, or -1.</summary>
    public int Tags { get; }

    /// <summary>0-based column of the status, or -1.</summary>
    public int Status { get; }

    /// <summary>True when column <paramref name="index"/> is a custom field.</summary>
    public bool IsField(int index) =>
        index != Email && index != Name && index != FirstName && index != LastName && index != Tags && index != Status;

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
        return new ImportHeader(names, email, Find(names, "name"), FindAny(names, FirstNameColumns), FindAny(names, LastNameColumns),
            Find(names, "tags"), Find(names, "status"));
    }

    private static int Find(string[] names, string name) => Array.FindIndex(names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

    // "First Name" and "first-name" are first_name too: spaces and dashes read as underscores.
    private static int FindAny(string[] names, string[] spellings) =>
        Array.FindIndex(names, n => spellings.Contains(n.Replace(' ', '_').Replace('-', '_'), StringComparer.OrdinalIgnoreCase));
}
