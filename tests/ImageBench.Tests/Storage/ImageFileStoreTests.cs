using System.Security.Cryptography;
using ImageBench.Attempts;
using ImageBench.Storage;

namespace ImageBench.Tests.Storage;

public sealed class ImageFileStoreTests : IDisposable
{
    private readonly TempRunDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (byte[] Bytes, ImageFacts Facts) Image(string format, int seed)
    {
        var bytes = new byte[1000 + seed];
        new Random(seed).NextBytes(bytes);
        return (bytes, new ImageFacts(format, 10, 10, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))));
    }

    [Theory]
    [InlineData("png", "png")]
    [InlineData("jpeg", "jpg")]
    [InlineData("webp", "webp")]
    public async Task Saves_under_images_named_by_sha256(string format, string extension)
    {
        var (bytes, facts) = Image(format, 1);
        var store = new ImageFileStore(_dir.Path);

        var relative = await store.SaveAsync(bytes, facts, CancellationToken.None);

        Assert.Equal($"images/{facts.Sha256}.{extension}", relative);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_dir.Path, "images", $"{facts.Sha256}.{extension}")));
        Assert.Equal(Path.Combine(_dir.Path, "images", $"{facts.Sha256}.{extension}"), store.Resolve(relative));
    }

    [Fact]
    public async Task The_same_bytes_are_stored_once_and_no_temp_file_is_left()
    {
        var (bytes, facts) = Image("png", 2);
        var (other, otherFacts) = Image("png", 3);
        var store = new ImageFileStore(_dir.Path);

        var paths = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.SaveAsync(bytes, facts, CancellationToken.None))));
        var otherPath = await store.SaveAsync(other, otherFacts, CancellationToken.None);

        Assert.Single(paths.Distinct());
        Assert.NotEqual(paths[0], otherPath);
        var files = _dir.AllFiles().Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(new[] { $"{facts.Sha256}.png", $"{otherFacts.Sha256}.png" }.Order(), files);
    }

    [Fact]
    public async Task An_existing_file_is_not_rewritten()
    {
        var (bytes, facts) = Image("png", 4);
        var store = new ImageFileStore(_dir.Path);
        var full = store.Resolve(await store.SaveAsync(bytes, facts, CancellationToken.None));
        var written = File.GetLastWriteTimeUtc(full);
        File.SetLastWriteTimeUtc(full, written.AddDays(-1));

        await store.SaveAsync(bytes, facts, CancellationToken.None);

        Assert.Equal(written.AddDays(-1), File.GetLastWriteTimeUtc(full));
    }

    [Fact]
    public async Task Facts_that_do_not_match_the_bytes_are_refused_and_nothing_is_written()
    {
        var (bytes, facts) = Image("png", 5);
        var store = new ImageFileStore(_dir.Path);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(bytes, facts with { Sha256 = new string('0', 64) }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(bytes, facts with { Bytes = 1 }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(bytes, facts with { Format = "gif" }, CancellationToken.None));
        Assert.Empty(_dir.AllFiles());
    }

    [Fact]
    public async Task A_cancelled_save_leaves_no_file_behind()
    {
        var (bytes, facts) = Image("png", 6);
        var store = new ImageFileStore(_dir.Path);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(bytes, facts, cancelled.Token));

        Assert.Empty(_dir.AllFiles());
    }
}
