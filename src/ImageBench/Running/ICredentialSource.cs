using ImageBench.Catalog;
using ImageBench.Configuration;
using ImageBench.Providers;

namespace ImageBench.Running;

/// <summary>Where API keys come from. Keys never enter the store, results, reports or logs.</summary>
public interface ICredentialSource
{
    /// <summary>The key for <paramref name="model"/>; null when its catalog entry needs none.</summary>
    /// <exception cref="InputException">The key's environment variable is not set.</exception>
    ApiKey? For(ModelEntry model);
}

/// <summary>Reads each model's <c>key_env</c> variable.</summary>
public sealed class EnvironmentCredentialSource : ICredentialSource
{
    public ApiKey? For(ModelEntry model)
    {
        if (model.KeyEnv is null) return null;
        var value = Environment.GetEnvironmentVariable(model.KeyEnv);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InputException($"missing key: model '{model.Id}' needs the environment variable {model.KeyEnv} (or run against the emulator with --emulator)")
            : new ApiKey(value.Trim());
    }
}

/// <summary>One key for every model: the emulator accepts any key, and tests use a known secret to grep for leaks.</summary>
public sealed class FixedCredentialSource(string key) : ICredentialSource
{
    private readonly ApiKey _key = new(key);

    public ApiKey? For(ModelEntry model) => _key;
}
