using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace ImageBench.Reporting.Html.Components;

/// <summary>One prompt: its text, what it expects, every model's image side by side, and the read.</summary>
public partial class PromptSectionView
{
    [Parameter, EditorRequired] public PromptSection Prompt { get; set; } = default!;
    [Parameter, EditorRequired] public IImageLinks Links { get; set; } = default!;
    /// <summary>Figures a served page adds after the attempts (slots still running or never run).</summary>
    [Parameter] public RenderFragment? MoreShots { get; set; }

    /// <summary>Tags as a JSON array in an attribute (encoded like any attribute), so a tag may hold any character.</summary>
    private string TagsJson => JsonSerializer.Serialize(Prompt.Tags);
}
