// Writes the archive's Atom feed, so readers can follow the newsletter in a feed reader.
using System.Text;
using System.Xml;

namespace Newsletter.Web.Archive;

/// <summary>An Atom 1.0 feed (RFC 4287) of published issues: one entry per issue with its web page as content.</summary>
public static class AtomFeed
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>One entry.</summary>
    /// <param name="Title">Issue title.</param>
    /// <param name="Url">The archive page (absolute), also the entry id.</param>
    /// <param name="Updated">Issue date.</param>
    /// <param name="Summary">Preheader, may be empty.</param>
    /// <param name="Html">The issue body as HTML for an anonymous reader.</param>
    public sealed record Entry(string Title, string Url, DateTimeOffset Updated, string Summary, string Html);

    /// <summary>The feed document as UTF-8 XML text.</summary>
    /// <param name="title">Newsletter name.</param>
    /// <param name="homeUrl">The archive index (absolute, ends with <c>/</c>).</param>
    /// <param name="entries">Entries, newest first.</param>
    public static string Write(string title, string homeUrl, IReadOnlyList<Entry> entries)
    {
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(new Utf8StringWriter(builder), new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("title", AtomNamespace, title);
            xml.WriteElementString("id", AtomNamespace, homeUrl);
            Link(xml, homeUrl, "alternate");
            Link(xml, homeUrl + "feed.xml", "self");
            xml.WriteElementString("updated", AtomNamespace, Stamp(entries.Count > 0 ? entries.Max(e => e.Updated) : DateTimeOffset.UnixEpoch));
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, title);
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("title", AtomNamespace, entry.Title);
                xml.WriteElementString("id", AtomNamespace, entry.Url);
                Link(xml, entry.Url, "alternate");
                xml.WriteElementString("updated", AtomNamespace, Stamp(entry.Updated));
                if (entry.Summary.Length > 0) xml.WriteElementString("summary", AtomNamespace, entry.Summary);
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(entry.Html);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return builder.ToString();
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
