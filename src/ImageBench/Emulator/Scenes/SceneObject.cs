namespace ImageBench.Emulator.Scenes;

/// <summary>
/// One thing in an emulated scene: an object the prompt counted ("three croissants"), or a quality a profile
/// deviates on that no counted object carries ("serrated", "pixel"). <paramref name="Asked"/> is null for those.
/// </summary>
/// <param name="Drawn">How many the emulator pretends it drew (0 = absent).</param>
/// <param name="Unsure">The article left this ambiguous (e.g. a Rembrandt triangle "implied rather than dramatic").</param>
public sealed record SceneObject(string Name, int? Asked, int Drawn, bool Unsure = false)
{
    public bool Deviates => Unsure || Asked != Drawn;
}
