namespace ImageBench.Providers;

/// <summary>
/// A credential. It prints as "[redacted]" so it cannot leak through logging, string interpolation or
/// serialisation by accident; only adapters read <see cref="Reveal"/> when they set a header.
/// </summary>
public sealed class ApiKey
{
    private readonly string _value;

    public ApiKey(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    public string Reveal() => _value;

    public override string ToString() => "[redacted]";
}
