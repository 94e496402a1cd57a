// A body part referenced from the HTML body by "cid:" URL (an inline image, usually).
namespace Newsletter.Mail.Mime;

/// <summary>
/// A resource placed next to the HTML body inside a <c>multipart/related</c> entity (RFC 2387) and referenced
/// from it with a <c>cid:</c> URL (RFC 2392). Its content is written in base64 (RFC 2045 §6.8).
/// </summary>
/// <param name="ContentId">The Content-ID without angle brackets, shape <c>id-left@id-right</c>, ASCII, e.g. <c>logo.1f2e@news.example.com</c>.</param>
/// <param name="MediaType">The media type as <c>type/subtype</c> without parameters, e.g. <c>image/png</c> (RFC 2045 §5.1).</param>
/// <param name="Content">The raw bytes of the resource.</param>
/// <param name="FileName">Optional file name, any Unicode text; non-ASCII names are written with RFC 2231 parameter encoding.</param>
public sealed record InlineResource(string ContentId, string MediaType, ReadOnlyMemory<byte> Content, string? FileName = null);
