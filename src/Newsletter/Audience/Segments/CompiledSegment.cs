// A segment turned into an SQL condition over `subscribers s`, with its values as bound parameters.
using Microsoft.Data.Sqlite;

namespace Newsletter.Audience.Segments;

/// <summary>
/// The SQL condition of a segment (over the alias <c>s</c> of <c>subscribers</c>) and its parameters
/// <c>$seg0</c>, <c>$seg1</c>… Only the compiler writes the condition; every value from the expression is bound.
/// </summary>
public sealed class CompiledSegment
{
    /// <summary>The placeholder in named statements that the condition replaces.</summary>
    public const string Placeholder = "/*segment*/";

    internal CompiledSegment(string condition, IReadOnlyList<KeyValuePair<string, string>> parameters, string expression)
    {
        Condition = condition;
        Parameters = parameters;
        Expression = expression;
    }

    /// <summary>Every active subscriber: the segment of an issue without one.</summary>
    public static CompiledSegment Everyone { get; } = new("1 = 1", [], "");

    /// <summary>The condition, e.g. <c>s.id IN (SELECT subscriber_id FROM subscriber_tags WHERE tag = $seg0)</c>.</summary>
    public string Condition { get; }

    /// <summary>Parameter names and values.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Sets <paramref name="command"/>'s text to <paramref name="statement"/> with the condition in place of <see cref="Placeholder"/>, and binds the values.</summary>
    /// <exception cref="InvalidOperationException">The statement has no placeholder (a programming error).</exception>
    public void Apply(SqliteCommand command, string statement)
    {
        if (!statement.Contains(Placeholder, StringComparison.Ordinal))
            throw new InvalidOperationException("the statement has no " + Placeholder + " placeholder");
        command.CommandText = statement.Replace(Placeholder, Condition, StringComparison.Ordinal);
        foreach (var (name, value) in Parameters) command.Parameters.AddWithValue(name, value);
    }

    /// <summary>Parses and compiles <paramref name="expression"/>.</summary>
    /// <exception cref="SegmentException">The expression is malformed.</exception>
    public static CompiledSegment Compile(string expression, string source = "segment") =>
        SegmentCompiler.Compile(SegmentParser.Parse(expression, source), expression);
}
