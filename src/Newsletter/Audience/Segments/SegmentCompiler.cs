// Turns a parsed segment into an SQL query of the ids it selects, answered from the tag and field indexes.
using Newsletter.Storage;

namespace Newsletter.Audience.Segments;

/// <summary>
/// Compiles a <see cref="SegmentNode"/> to SQL. A tag is the range of <c>subscriber_tags</c> for that tag and a
/// field test the range of <c>subscriber_fields</c> for that name and value (compared without regard to case), both
/// in subscriber id order; <c>and</c>, <c>or</c> and <c>not</c> become INTERSECT, UNION and EXCEPT of those ranges
/// (see <see cref="IdChain"/>). A missing field equals nothing and differs from everything, also under <c>not</c>.
/// </summary>
public static class SegmentCompiler
{
    /// <summary>The ids of every active subscriber, in id order (the covering index <c>subscribers_status</c>).</summary>
    internal const string Everyone = "SELECT id FROM subscribers WHERE status = 'active'";

    /// <summary>Compiles <paramref name="node"/>; <paramref name="expression"/> is kept for messages.</summary>
    public static CompiledSegment Compile(SegmentNode node, string expression)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        var chain = Chain(node, parameters);
        // Only active subscribers count; a chain that starts from them and never adds to them needs no extra pass.
        var ids = chain.StartsWithAndNeverWidens(Everyone) ? chain : chain.IntersectWith(IdChain.Of(Everyone));
        return new CompiledSegment(ids.Sql(StoreKind.Sqlite) + " ORDER BY 1", ids.Sql(StoreKind.Postgres) + " ORDER BY 1", parameters, expression);
    }

    private static IdChain Chain(SegmentNode node, List<KeyValuePair<string, string>> parameters) => node switch
    {
        // Tags are stored lower-case (Tags.TryNormalize), so the one asked for is too: equal on either engine.
        TagCondition tag => IdChain.Of("SELECT subscriber_id FROM subscriber_tags WHERE tag = " + Bind(parameters, tag.Tag.ToLowerInvariant())),
        // `x != ""` reads an absent field as empty: it selects those whose field is present and not empty.
        FieldCondition { Negated: true, Value.Length: 0 } field => IdChain.Of(
            "SELECT subscriber_id FROM subscriber_fields WHERE name = " + Bind(parameters, field.Field) + " AND value <> ''"),
        FieldCondition { Negated: true } field => IdChain.Of(Everyone).Without(Chain(field with { Negated = false }, parameters)),
        FieldCondition field => FieldEquals(Bind(parameters, field.Field), Bind(parameters, field.Value)),
        NotCondition not => IdChain.Of(Everyone).Without(Chain(not.Inner, parameters)),
        OrCondition or => Chain(or.Left, parameters).UnionWith(Chain(or.Right, parameters)),
        // `a and not b` is a − b: one pass fewer than a ∩ (everyone − b); likewise `a and x != v` is a − (x = v).
        AndCondition { Right: NotCondition right } and => Chain(and.Left, parameters).Without(Chain(right.Inner, parameters)),
        AndCondition { Left: NotCondition left } and => Chain(and.Right, parameters).Without(Chain(left.Inner, parameters)),
        AndCondition { Right: FieldCondition { Negated: true, Value.Length: > 0 } right } and =>
            Chain(and.Left, parameters).Without(Chain(right with { Negated = false }, parameters)),
        AndCondition { Left: FieldCondition { Negated: true, Value.Length: > 0 } left } and =>
            Chain(and.Right, parameters).Without(Chain(left with { Negated = false }, parameters)),
        AndCondition and => Chain(and.Left, parameters).IntersectWith(Chain(and.Right, parameters)),
        _ => throw new InvalidOperationException($"unknown segment node {node.GetType().Name}"),
    };

    // SQLite's value column is NOCASE; PostgreSQL's index folds lower(value) (ASCII letters under "C", the same rule),
    // and the value asked for is folded under "C" too, not under the database's locale.
    private static IdChain FieldEquals(string name, string value) => IdChain.Of(
        "SELECT subscriber_id FROM subscriber_fields WHERE name = " + name + " AND value = " + value,
        "SELECT subscriber_id FROM subscriber_fields WHERE name = " + name + " AND lower(value) = lower(" + value + " COLLATE \"C\")");

    private static string Bind(List<KeyValuePair<string, string>> parameters, string value)
    {
        var name = "@seg" + parameters.Count;
        parameters.Add(new(name, value));
        return name;
    }
}
