using System.CommandLine;
using ImageBench.Catalog;
using ImageBench.Configuration;
using ImageBench.Emulator.Faults;

namespace ImageBench.Cli.Commands;

/// <summary><c>--fault [model:]kind[@site]=rate</c>, repeatable: faults the built-in emulator injects (docs/reliability.md).</summary>
internal static class FaultOptions
{
    public static Option<string[]> Create() => new("--fault")
    {
        Description = $"Emulator fault, repeatable: {FaultSpec.Syntax}, e.g. 429=0.3, reset@poll=0.1, flux-1.1-pro:502=0.2. "
            + $"Kinds: {string.Join(", ", FaultKinds.All.Select(k => k.Name))} (docs/emulator.md)",
    };

    /// <summary>
    /// Parses every spec and names its model as the emulator sees it: a catalog id becomes its upstream name, an
    /// upstream name the catalog knows stays. Anything else is bad input, so a typo cannot silently inject nothing.
    /// </summary>
    /// <param name="loadCatalog">Called only when a spec names a model.</param>
    public static IReadOnlyList<FaultSpec> Read(IEnumerable<string>? texts, Func<ModelCatalog> loadCatalog)
    {
        ArgumentNullException.ThrowIfNull(loadCatalog);
        var specs = new List<FaultSpec>();
        ModelCatalog? catalog = null;
        foreach (var text in texts ?? [])
        {
            var spec = FaultSpec.Parse(text);
            if (spec.Model is { } model)
            {
                catalog ??= loadCatalog();
                var upstream = catalog.TryGet(model, out var entry) ? entry.Upstream
                    : catalog.Models.FirstOrDefault(m => string.Equals(m.Upstream, model, StringComparison.OrdinalIgnoreCase))?.Upstream
                    ?? throw new InputException($"--fault '{text}': unknown model '{model}' (a catalog id such as {catalog.Models.Select(m => m.Id).Order(StringComparer.Ordinal).First()}, or an upstream name; add it with --models-file)");
                spec = spec with { Model = upstream };
            }
            specs.Add(spec);
        }
        return specs;
    }
}
