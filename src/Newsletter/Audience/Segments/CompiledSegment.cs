// A segment turned into SQL (a query of ids, or a condition over `subscribers s`), with its values as bound parameters.
using System.Data.Common;
using Newsletter.Storage;

namespace Newsletter.Audience.Segments;

/// <summary>
/// A segment as SQL: <see cref="Ids"/>, the query of the ids of the active subscribers it selects, and
/// <see cref="Condition"/>, the same set as a condition over the alias <c>s</c> of <c>subscribers</c>; with their
/// parameters <c>@seg0</c>, <c>@seg1</c>… Only the compiler writes the SQL; every value from the expression is bound.
/// Both are kept as SQLite and as PostgreSQL write them (<see cref="IdChain"/>); <see cref="Apply"/> picks by connection.
/// </summary>
public sealed class CompiledSegment
{
    /// <summary>The placeholder in named statements that <see cref="Condition"/> replaces.</summary>
    public const string Placeholder = "/*segment*/";

    /// <summary>The placeholder in named statements that <see cref="Ids"/> replaces.</summary>
    public const string IdsPlaceholder = "/*segment-ids*/";

    private readonly string _postgresIds, _postgresCondition;

    internal CompiledSegment(string ids, string postgresIds, IReadOnlyList<KeyValuePair<string, string>> parameters, string expression)
        : this(ids, "s.id IN (" + ids + ")", postgresIds, "s.id IN (" + postgresIds + ")", parameters, expression)
    {
    }

    private CompiledSegment(string ids, string condition, string postgresIds, string postgresCondition,
        IReadOnlyList<KeyValuePair<string, string>> parameters, string expression)
    {
        Ids = ids;
        Condition = condition;
        _postgresIds = postgresIds;
        _postgresCondition = postgresCondition;
        Parameters = parameters;
        Expression = expression;
    }

    /// <summary>Every active subscriber: the segment of an issue without one.</summary>
    public static CompiledSegment Everyone { get; } = new(SegmentCompiler.Everyone, "1 = 1", SegmentCompiler.Everyone, "1 = 1", [], "");

    /// <summary>
    /// A <c>SELECT</c> of one column, the ids of the active subscribers in the segment, ascending and without
    /// duplicates, e.g. <c>SELECT subscriber_id FROM subscriber_tags WHERE tag = @seg0 INTERSECT SELECT id FROM
    /// subscribers WHERE status = 'active' ORDER BY 1</c>, as SQLite runs it. Counting it never reads the subscribers' rows.
    /// </summary>
    public string Ids { get; }

    /// <summary>The condition over <c>subscribers s</c>: <c>s.id IN (</c><see cref="Ids"/><c>)</c>, or <c>1 = 1</c> for everyone.</summary>
    public string Condition { get; }

    /// <summary>Parameter names and values.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>
    /// Sets <paramref name="command"/>'s text to <paramref name="statement"/> with <see cref="Condition"/> in place of
    /// <see cref="Placeholder"/> and <see cref="Ids"/> in place of <see cref="IdsPlaceholder"/>, and binds the values.
    /// </summary>
    /// <exception cref="InvalidOperationException">The statement has neither placeholder (a programming error).</exception>
    public void Apply(DbCommand command, string statement)
    {
        if (!statement.Contains(Placeholder, StringComparison.Ordinal) && !statement.Contains(IdsPlaceholder, StringComparison.Ordinal))
            throw new InvalidOperationException("the statement has no " + Placeholder + " or " + IdsPlaceholder + " placeholder");
        var postgres = command.Connection!.Kind() == StoreKind.Postgres;
        command.CommandText = statement.Replace(Placeholder, postgres ? _postgresCondition : Condition, StringComparison.Ordinal)
            .Replace(IdsPlaceholder, postgres ? _postgresIds : Ids, StringComparison.Ordinal);
        foreach (var (name, value) in Parameters) command.Bind(name, value);
    }

    /// <summary>Parses and compiles <paramref name="expression"/>.</summary>
    /// <exception cref="SegmentException">The expression is malformed.</exception>
    public static CompiledSegment Compile(string expression, string source = "segment") =>
        SegmentCompiler.Compile(SegmentParser.Parse(expression, source), expression);

    /// <summary>
    /// Parses and compiles <paramref name="expression"/>, checking each field it tests with <paramref name="fieldExists"/>
    /// (e.g. <see cref="SubscriberStore.HasField"/>; names are exact, as stored). A field no subscriber has is an error:
    /// a misspelt <c>plna != pro</c> would otherwise select the whole list.
    /// </summary>
    /// <exception cref="SegmentException">The expression is malformed or names a field no subscriber has (at its column).</exception>
    public static CompiledSegment Compile(string expression, string source, Func<string, bool> fieldExists)
    {
        var node = SegmentParser.Parse(expression, source);
        SegmentFields.Check(expression, source, fieldExists);
        return SegmentCompiler.Compile(node, expression);
    }
}
