// Puts CalloutRenderer in place of Markdig's own renderer for ::: containers.
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;

namespace Newsletter.Rendering;

/// <summary>
/// Renders custom containers as callouts (see <see cref="CalloutRenderer"/>). Add it after
/// <see cref="CustomContainerExtension"/> (as <c>UseAdvancedExtensions</c> does), whose renderer it replaces.
/// </summary>
public sealed class CalloutExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
            html.ObjectRenderers.ReplaceOrAdd<HtmlCustomContainerRenderer>(new CalloutRenderer());
    }
}
