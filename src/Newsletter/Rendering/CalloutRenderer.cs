// Renders Markdig's ::: containers (markdown-it, Docusaurus) as email-safe callouts.
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Newsletter.Rendering;

/// <summary>
/// Writes a <see cref="CustomContainer"/> such as <c>::: note Title</c> … <c>:::</c> as <see cref="CalloutMarkup"/>:
/// the info word is the kind (<c>sponsor</c> marks a sponsored block), the arguments the title. A container without
/// a kind (a bare <c>:::</c>) is written as Markdig writes it, a <c>div</c>. As in markdown-it and Docusaurus, a
/// container holding another needs the longer fence (<c>::::</c> around <c>:::</c>): the first fence of its length
/// closes it.
/// </summary>
public sealed class CalloutRenderer : HtmlObjectRenderer<CustomContainer>
{
    private readonly HtmlCustomContainerRenderer _plain = new();

    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, CustomContainer obj)
    {
        if (string.IsNullOrEmpty(obj.Info) || !char.IsAsciiLetter(obj.Info[0]))
        {
            ((IMarkdownObjectRenderer)_plain).Write(renderer, obj);
            return;
        }
        var title = obj.Arguments?.Trim();
        renderer.EnsureLine();
        // Written as a line, so that the renderer knows it stands at a line start and adds no blank line.
        renderer.WriteLine(CalloutMarkup.Open(obj.Info, string.IsNullOrEmpty(title) ? null : title).TrimEnd('\n'));
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.WriteLine(CalloutMarkup.Close);
    }
}
