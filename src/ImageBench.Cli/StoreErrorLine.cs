using ImageBench.Storage;
using ImageBench.Storage.Recovery;

namespace ImageBench.Cli;

/// <summary>
/// The one line for a run store that cannot be used: what is wrong with which file (the exception's message),
/// then what is still there and how to get it back.
/// </summary>
internal static class StoreErrorLine
{
    public static string For(UnusableStoreException e)
    {
        if (e.RunDirectory is not { } dir) return e.Message;
        var images = ImageInventory.FilesOnDisk(dir).Count;
        var onDisk = images switch
        {
            0 => $"no images are on disk in {Path.Combine(dir, ImageFileStore.FolderName)}",
            1 => $"1 image is still on disk in {Path.Combine(dir, ImageFileStore.FolderName)}",
            _ => $"{images} images are still on disk in {Path.Combine(dir, ImageFileStore.FolderName)}",
        };
        return e.Problem == StoreProblem.OtherSchemaVersion
            ? $"{e.Message} Nothing was changed; {onDisk}."
            : $"{e.Message.TrimEnd('.')}; {onDisk}; `imagebench doctor {dir}` shows what is readable and `imagebench doctor {dir} --repair` salvages it into a fresh store (the file is moved aside, no image is touched)";
    }
}
