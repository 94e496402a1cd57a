// Refuses segments that test a field no subscriber has, which is nearly always a misspelling.
namespace Newsletter.Audience.Segments;

/// <summary>
/// Checks the field names of a segment against the fields the list knows (held by a subscriber or declared in the
/// <c>fields</c> setting). A missing field equals nothing and differs from everything, so <c>plna != pro</c> (for
/// <c>plan</c>) silently selects every subscriber; naming the field in an error is the only way the author learns of
/// it before the send.
/// </summary>
internal static class SegmentFields
{
    /// <summary>Throws at the column of the first field of <paramref name="text"/> for which <paramref name="exists"/> is false.</summary>
    /// <exception cref="SegmentException">A field is unknown.</exception>
    public static void Check(string text, string source, Func<string, bool> exists)
    {
        var tokens = SegmentLexer.Tokenize(text, source);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != SegmentTokenKind.Word || tokens[i + 1].Kind is not (SegmentTokenKind.Equals or SegmentTokenKind.NotEquals)) continue;
            if (exists(token.Text)) continue;
            throw SegmentLexer.Error(text, source, token.Column, $"no subscriber has the field '{token.Text}' and the 'fields' setting does not list it; is it misspelt?");
        }
    }
}
