// A chain of SQL compound terms (UNION, INTERSECT, EXCEPT) over subscriber ids, evaluated left to right.
using Newsletter.Storage;

namespace Newsletter.Audience.Segments;

/// <summary>Ordered id sets joined by compound operators, e.g. <c>tag go UNION tag rust EXCEPT plan pro</c>.</summary>
/// <remarks>SQLite gives
/// all compound operators one precedence and applies them left to right; with <c>ORDER BY 1</c> it merges the
/// terms as sorted streams (each term reads an index in id order) instead of building temporary B-trees, so a
/// flat chain costs one pass over each term. A chain that cannot be flattened is nested as one term.
/// PostgreSQL follows the SQL standard instead, where INTERSECT binds tighter than UNION and EXCEPT, so there the
/// same chain is written with parentheses that keep the left-to-right order (<see cref="Sql"/>).
/// </remarks>
internal sealed class IdChain
{
    private const string Union = "UNION", Intersect = "INTERSECT", Except = "EXCEPT";

    // SQLite refuses a compound of more than 500 terms (SQLITE_MAX_COMPOUND_SELECT); longer chains nest.
    private const int MaxTerms = 250;

    // A term is a SELECT of one id column (string, or an EngineTerm) or a chain nested as one term (IdChain).
    private readonly List<(string Operator, object Term)> _links;

    private IdChain(List<(string, object)> links) => _links = links;

    /// <summary>A chain of one term: a <c>SELECT</c> of one id column in ascending id order.</summary>
    public static IdChain Of(string term) => new([("", term)]);

    /// <summary>A chain of one term written differently for each engine (the same ids in the same order).</summary>
    public static IdChain Of(string sqlite, string postgres) => new([("", new EngineTerm(sqlite, postgres))]);

    /// <summary>True when the first term is <paramref name="term"/> and nothing is added to it later (no UNION).</summary>
    public bool StartsWithAndNeverWidens(string term) => _links[0].Term is string first && first == term && AllAfterFirst(Intersect, Except);

    /// <summary>The ids in either chain.</summary>
    public IdChain UnionWith(IdChain other)
    {
        // a ∪ (b ∪ c) = a ∪ b ∪ c, so a union-only side is appended term by term; anything else is nested.
        if (other.AllAfterFirst(Union)) return Append(this, Union, other, keep: true);
        if (AllAfterFirst(Union)) return Append(other, Union, this, keep: true);
        return Append(this, Union, other.Nested(), keep: true);
    }

    /// <summary>The ids in both chains.</summary>
    public IdChain IntersectWith(IdChain other)
    {
        // x ∩ (a ∩ b − c) = (x ∩ a ∩ b) − c: a side that only narrows can follow the other term by term.
        if (other.AllAfterFirst(Intersect, Except)) return Append(this, Intersect, other, keep: true);
        if (AllAfterFirst(Intersect, Except)) return Append(other, Intersect, this, keep: true);
        return Append(this, Intersect, other.Nested(), keep: true);
    }

    /// <summary>The ids in this chain and not in <paramref name="other"/>.</summary>
    public IdChain Without(IdChain other) =>
        // x − (a ∪ b) = x − a − b
        other.AllAfterFirst(Union) ? Append(this, Except, other, keep: false) : Append(this, Except, other.Nested(), keep: false);

    /// <summary>The compound <c>SELECT</c> as <paramref name="kind"/> reads it, without <c>ORDER BY</c>.</summary>
    public string Sql(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
            return string.Join(" ", _links.Select(l => l.Operator.Length == 0 ? Term(l.Term, kind) : l.Operator + " " + Term(l.Term, kind)));
        // ((a UNION b) INTERSECT c): each step in parentheses, so that precedence cannot reorder them.
        var sql = Term(_links[0].Term, kind);
        foreach (var (op, term) in _links.Skip(1)) sql = "(" + sql + ") " + op + " " + Term(term, kind);
        return sql;
    }

    private static string Term(object term, StoreKind kind) => term switch
    {
        IdChain nested => "SELECT * FROM (" + nested.Sql(kind) + " ORDER BY 1) AS nested",
        EngineTerm both => kind == StoreKind.Postgres ? both.Postgres : both.Sqlite,
        _ => (string)term,
    };

    private sealed record EngineTerm(string Sqlite, string Postgres);

    private bool AllAfterFirst(params string[] operators) => _links.Skip(1).All(l => operators.Contains(l.Operator));

    private IdChain Nested() => new([("", this)]);

    // Appends other's terms to first: the first with op, the rest with their own operator (keep) or with op too.
    private static IdChain Append(IdChain first, string op, IdChain other, bool keep)
    {
        var links = new List<(string, object)>(first._links);
        for (var i = 0; i < other._links.Count; i++)
            links.Add((i == 0 || !keep ? op : other._links[i].Operator, other._links[i].Term));
        return links.Count <= MaxTerms ? new IdChain(links) : new IdChain(links).Nested();
    }
}
