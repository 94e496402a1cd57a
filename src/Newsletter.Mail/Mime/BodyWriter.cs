// Writes the MIME body tree: single text parts, multipart/alternative and multipart/related with inline resources.
namespace Newsletter.Mail.Mime;

/// <summary>Body structure per RFC 2046 §5.1 (multipart), RFC 2387 (related) and RFC 2392 (Content-ID).</summary>
internal sealed class BodyWriter(MimeOutput output, Func<int, string> boundaryFactory)
{
    private int _depth;
    private bool _atMultipartStart;

    /// <summary>Writes the entity headers (Content-*) and body for the given bodies, after the top-level headers.</summary>
    public void WriteBody(string? text, string? html, IReadOnlyList<InlineResource> resources)
    {
        if (html is null)
        {
            WriteTextPart("plain", text ?? "", endsMessage: true);
            return;
        }

        if (text is null)
        {
            WriteHtmlEntity(html, resources);
            return;
        }

        string boundary = NextBoundary();
        WriteMultipartHeader("alternative", boundary, relatedType: null);
        Delimiter(boundary);
        WriteTextPart("plain", text);
        Delimiter(boundary);
        WriteHtmlEntity(html, resources);
        CloseDelimiter(boundary);
    }

    private void WriteHtmlEntity(string html, IReadOnlyList<InlineResource> resources)
    {
        if (resources.Count == 0)
        {
            WriteTextPart("html", html, endsMessage: _depth == 0);
            return;
        }

        string boundary = NextBoundary();
        WriteMultipartHeader("related", boundary, relatedType: "text/html");
        Delimiter(boundary);
        WriteTextPart("html", html);
        foreach (var resource in resources)
        {
            Delimiter(boundary);
            WriteResource(resource);
        }

        CloseDelimiter(boundary);
    }

    // A part inside a multipart is ended by the delimiter's CRLF; a single-part body must end the message on a
    // complete line itself, which a trailing soft line break does without changing the decoded text.
    private void WriteTextPart(string subtype, string body, bool endsMessage = false)
    {
        HeaderFolding.WriteSimple(output, "Content-Type", $"text/{subtype}; charset=utf-8");
        HeaderFolding.WriteSimple(output, "Content-Transfer-Encoding", "quoted-printable");
        output.Crlf();
        QuotedPrintable.Encode(body, output, endWithLineBreak: endsMessage);
    }

    private void WriteResource(InlineResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        string mediaType = ValidateMediaType(resource.MediaType);
        var type = new List<HeaderSegment> { new(" ", mediaType) };
        var disposition = new List<HeaderSegment> { new(" ", "inline") };
        // Surrounding whitespace in a file name is noise that readers strip anyway.
        string fileName = (resource.FileName ?? "").Replace('\r', ' ').Replace('\n', ' ').Trim();
        if (fileName.Length > 0)
        {
            ParameterEncoding.Append(type, "name", fileName);
            ParameterEncoding.Append(disposition, "filename", fileName);
        }

        HeaderFolding.Write(output, "Content-Type", type);
        HeaderFolding.WriteSimple(output, "Content-Transfer-Encoding", "base64");
        HeaderFolding.WriteSimple(output, "Content-ID", "<" + NormaliseContentId(resource.ContentId) + ">");
        HeaderFolding.Write(output, "Content-Disposition", disposition);
        output.Crlf();
        Base64Lines.Encode(resource.Content.Span, output);
    }

    private void WriteMultipartHeader(string subtype, string boundary, string? relatedType)
    {
        var segments = new List<HeaderSegment> { new(" ", "multipart/" + subtype) };
        if (relatedType is not null)
        {
            ParameterEncoding.Append(segments, "type", relatedType);
        }

        ParameterEncoding.Append(segments, "boundary", boundary);
        HeaderFolding.Write(output, "Content-Type", segments);
        output.Crlf();

        // Directly after the multipart's own header block there is no part content for a delimiter CRLF to end.
        _atMultipartStart = true;
    }

    // The CRLF before "--" belongs to the delimiter (RFC 2046 §5.1.1), so it is written here and a part's own final
    // line break, if it has one, stays part of its content.
    private void Delimiter(string boundary)
    {
        if (!_atMultipartStart)
        {
            output.Crlf();
        }

        _atMultipartStart = false;

        output.Ascii("--" + boundary);
        output.Crlf();
    }

    private void CloseDelimiter(string boundary)
    {
        output.Crlf();
        output.Ascii("--" + boundary + "--");
        output.Crlf();
    }

    private string NextBoundary() => MimeBoundary.Validate(boundaryFactory(_depth++));

    private static string ValidateMediaType(string mediaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        int slash = mediaType.IndexOf('/');
        if (slash <= 0 || slash == mediaType.Length - 1
            || !ParameterEncoding.IsToken(mediaType[..slash]) || !ParameterEncoding.IsToken(mediaType[(slash + 1)..]))
        {
            throw new ArgumentException($"'{mediaType}' is not a media type of the form type/subtype (RFC 2045 §5.1).", nameof(mediaType));
        }

        return mediaType;
    }

    private static string NormaliseContentId(string contentId)
    {
        try
        {
            return MessageIdFactory.Normalise(contentId);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Content-ID '{contentId}' is not valid: {ex.Message}", nameof(contentId), ex);
        }
    }
}
