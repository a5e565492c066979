using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageBench.Reporting.Html;

/// <summary>
/// Renders a Razor component to an HTML string with <see cref="HtmlRenderer"/>: static, no interactivity, no
/// circuit, no script of Blazor's. report.html and every page <c>imagebench serve</c> sends are made here, so the
/// file and the served pages cannot render the same run differently.
/// </summary>
/// <remarks>
/// Every text and attribute value goes through the HTML encoder (&lt; &gt; &amp; " ' and + are always encoded);
/// the encoder allows all Unicode letters through so prompts in any script stay readable in the page source.
/// Components here take their data as parameters and inject no services, so one small container serves them all.
/// </remarks>
public static class ComponentRenderer
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    public static async Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters) where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary()));
            return root.ToHtmlString();
        });
    }
}
