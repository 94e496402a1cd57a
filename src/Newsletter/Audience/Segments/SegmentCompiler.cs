// Turns a parsed segment into an SQL condition that the tag index and JSON fields can answer.
using System.Text;

namespace Newsletter.Audience.Segments;

/// <summary>
/// Compiles a <see cref="SegmentNode"/> to SQL. A tag becomes a probe of <c>subscriber_tags</c> (primary key
/// tag, subscriber); a field becomes <c>json_extract(s.fields, path)</c> compared without regard to case, where a
/// missing field equals nothing and differs from everything.
/// </summary>
public static class SegmentCompiler
{
    /// <summary>Compiles <paramref name="node"/>; <paramref name="expression"/> is kept for messages.</summary>
    public static CompiledSegment Compile(SegmentNode node, string expression)
    {
        var sql = new StringBuilder();
        var parameters = new List<KeyValuePair<string, string>>();
        Write(node, sql, parameters);
        return new CompiledSegment(sql.ToString(), parameters, expression);
    }

    private static void Write(SegmentNode node, StringBuilder sql, List<KeyValuePair<string, string>> parameters)
    {
        switch (node)
        {
            case TagCondition tag:
                sql.Append("s.id IN (SELECT subscriber_id FROM subscriber_tags WHERE tag = ").Append(Bind(parameters, tag.Tag)).Append(')');
                break;
            case FieldCondition field:
                var path = Bind(parameters, "$.\"" + field.Field.Replace("\"", "\\\"") + "\"");
                var value = Bind(parameters, field.Value);
                sql.Append(field.Negated
                    ? $"coalesce(json_extract(s.fields, {path}), '') <> {value} COLLATE NOCASE"
                    : $"json_extract(s.fields, {path}) = {value} COLLATE NOCASE");
                break;
            case AndCondition and:
                Binary(and.Left, " AND ", and.Right, sql, parameters);
                break;
            case OrCondition or:
                Binary(or.Left, " OR ", or.Right, sql, parameters);
                break;
            case NotCondition not:
                sql.Append("NOT (");
                Write(not.Inner, sql, parameters);
                sql.Append(')');
                break;
            default:
                throw new InvalidOperationException($"unknown segment node {node.GetType().Name}");
        }
    }

    private static void Binary(SegmentNode left, string op, SegmentNode right, StringBuilder sql, List<KeyValuePair<string, string>> parameters)
    {
        sql.Append('(');
        Write(left, sql, parameters);
        sql.Append(op);
        Write(right, sql, parameters);
        sql.Append(')');
    }

    private static string Bind(List<KeyValuePair<string, string>> parameters, string value)
    {
        var name = "$seg" + parameters.Count;
        parameters.Add(new(name, value));
        return name;
    }
}
