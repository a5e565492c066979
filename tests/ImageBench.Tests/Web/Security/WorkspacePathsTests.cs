using CsCheck;
using ImageBench.Tests.Support;
using ImageBench.Web.Security;
using ImageBench.Web.Workspace;

namespace ImageBench.Tests.Web.Security;

public sealed class WorkspacePathsTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void Real_path_follows_every_link_on_the_way()
    {
        var target = Directory.CreateDirectory(Path.Combine(_dir.Path, "a", "b")).FullName;
        File.WriteAllText(Path.Combine(target, "f.txt"), "x");
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "link-to-a"), "a"); // relative target
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "link-to-f"), Path.Combine(_dir.Path, "link-to-a", "b", "f.txt"));
        Assert.Equal(Path.Combine(target, "f.txt"), WorkspacePaths.RealPath(Path.Combine(_dir.Path, "link-to-a", "b", "f.txt")));
        Assert.Equal(Path.Combine(target, "f.txt"), WorkspacePaths.RealPath(Path.Combine(_dir.Path, "link-to-f")));
        Assert.Null(WorkspacePaths.RealPath(Path.Combine(_dir.Path, "missing")));
    }

    [Fact]
    public void A_link_loop_resolves_to_nothing()
    {
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "x"), Path.Combine(_dir.Path, "y"));
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "y"), Path.Combine(_dir.Path, "x"));
        Assert.Null(WorkspacePaths.RealPath(Path.Combine(_dir.Path, "x", "f")));
    }

    [Fact]
    public void Inside_means_inside_after_links_not_a_shared_prefix()
    {
        var root = Directory.CreateDirectory(Path.Combine(_dir.Path, "runs")).FullName;
        var sibling = Directory.CreateDirectory(Path.Combine(_dir.Path, "runs-other")).FullName;
        File.WriteAllText(Path.Combine(sibling, "f"), "x");
        Directory.CreateSymbolicLink(Path.Combine(root, "out"), sibling);
        Assert.False(WorkspacePaths.IsInside(root, Path.Combine(sibling, "f")));
        Assert.False(WorkspacePaths.IsInside(root, Path.Combine(root, "out", "f")));
        Assert.False(WorkspacePaths.IsInside(root, Path.Combine(root, "..", "runs-other", "f")));
    }

    [Fact]
    public void Only_a_stored_images_own_name_is_an_image_name() =>
        Gen.String[Gen.Char["0123456789abcdefABCDEF./\\%:pngjwe"], 0, 80].Sample(name =>
            Assert.Equal(
                name.Length is 68 or 69 && name[..64].All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f') && name[64..] is ".png" or ".jpg" or ".webp",
                WorkspacePaths.ImageFileName().IsMatch(name)));

    [Fact]
    public void A_run_is_found_only_by_its_exact_folder_name()
    {
        var root = Directory.CreateDirectory(Path.Combine(_dir.Path, "ws")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "run-a"));
        File.WriteAllText(Path.Combine(root, "run-a", ImageBench.Storage.Sqlite.SqliteRunStore.FileName), "");
        Directory.CreateDirectory(Path.Combine(root, "not-a-run"));
        var workspace = new RunWorkspace(root);
        Assert.Equal(["run-a"], workspace.Runs().Select(r => r.Name));
        Assert.NotNull(workspace.Find("run-a"));
        foreach (var name in new[] { "RUN-A", "run-a/", "./run-a", "../ws/run-a", "not-a-run", "", ".", "..", root + "/run-a" })
            Assert.Null(workspace.Find(name));
    }

    public void Dispose() => _dir.Dispose();
}
