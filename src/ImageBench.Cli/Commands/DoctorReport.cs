using System.Globalization;
using ImageBench.Attempts;
using ImageBench.Storage;
using ImageBench.Storage.Recovery;

namespace ImageBench.Cli.Commands;

/// <summary>What <c>imagebench doctor</c> prints: one line per thing examined, then lists (capped) of what is lost or loose.</summary>
internal static class DoctorReport
{
    /// <summary>Items shown per list; the rest are counted (salvaged-images.txt has every image).</summary>
    private const int ListCap = 20;

    public static void Write(StoreExamination found, TextWriter output, bool repairing = false)
    {
        var s = found.Salvage;
        output.WriteLine($"store: {found.StorePath}");
        output.WriteLine(found.IsHealthy ? "status: healthy" : $"status: {Problem(found.Problem!.Value)} — {found.ProblemMessage}");
        output.WriteLine("manifest: " + (s.Manifest is { } m
            ? $"readable (run {m.RunId}, suite {m.SuiteName} at {m.SuitePath}, models {string.Join(", ", m.Models)}, repeat {m.Repeat})"
            : s.ManifestError is { } why ? $"cannot be read ({why})"
            : s.OpenError is { } open ? $"cannot be read (the file cannot be read: {open})"
            : "none stored"));
        SlotPhase[] ledgerOrder = [SlotPhase.Planned, SlotPhase.Claimed, SlotPhase.Sent, SlotPhase.Submitted, SlotPhase.Done];
        var phases = ledgerOrder.Select(p => $"{p.ToString().ToLowerInvariant()} {s.Slots.Count(x => x.Phase == p)}");
        output.WriteLine($"slots: {s.Slots.Count} readable ({string.Join(", ", phases)}), {s.UnreadableSlots.Count} unreadable");
        List(output, "unreadable slot rows", s.UnreadableSlots.Select(u => $"{u.Slot?.ToString() ?? $"row {u.RowId}"}: {u.Reason}").ToList());
        var attempts = s.Attempts.ToList();
        var outcomes = attempts.GroupBy(a => a.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key.ToWire()} {g.Count()}");
        output.WriteLine($"attempts: {attempts.Count} readable{(attempts.Count > 0 ? $" ({string.Join(", ", outcomes)})" : "")}");
        output.WriteLine($"scores: {s.Scores.Count} readable, {s.UnreadableScores.Count} unreadable");
        var images = found.Images;
        output.WriteLine($"images: {images.OnDisk.Count} files on disk in {Path.Combine(found.RunDirectory, ImageFileStore.FolderName)}; " +
                         $"{images.Referenced.Count} referenced by readable attempts; {images.Unreferenced.Count} on disk referenced by nothing; " +
                         $"{images.MissingFiles.Count} attempts whose image file is missing");
        List(output, "referenced by nothing", images.Unreferenced);
        List(output, "image file missing", images.MissingFiles.Select(a => $"{a.Model}/{a.PromptId}/{a.Repeat}: {a.ImagePath}").ToList());
        if (!found.IsHealthy && !repairing)
            output.WriteLine(found.Problem == StoreProblem.OtherSchemaVersion
                ? "next: open the run with the ImageBench version that wrote it; doctor --repair leaves it alone"
                : $"next: `imagebench doctor {found.RunDirectory} --repair` moves the damaged file aside (kept) and salvages every readable row into a fresh store; no image is moved or deleted");
    }

    public static void Write(RepairResult result, TextWriter output)
    {
        var found = result.Examination;
        if (found.IsHealthy)
        {
            output.WriteLine("repair: nothing to repair");
            return;
        }
        output.WriteLine($"moved aside: {string.Join(", ", result.MovedAside.Select(Path.GetFileName))} (kept" +
                         (result.MovedAside.Count > 1 ? "; SQLite discards a damaged log when it opens a database, so inspect copies)" : ")"));
        var s = found.Salvage;
        output.WriteLine(result.FreshStore
            ? $"fresh store: {found.StorePath} with the manifest, {s.Slots.Count} slots ({s.Attempts.Count()} attempts) and {s.Scores.Count} scores"
            : "no fresh store: the manifest could not be read, so there is no run to resume; start a new run into this directory " +
              "(`imagebench run --suite … --out DIR`; images already on disk are reused, not fetched again)");
        if (result.SalvagedImagesFile is { } list)
            output.WriteLine($"salvaged images: {found.Images.Unreferenced.Count} images no readable attempt references are listed with their format, size and sha256 in {list}; they stay in images/");
        if (!result.FreshStore) return;
        if (result.Replan is { } r)
            output.WriteLine($"resume: `imagebench run --resume --out {found.RunDirectory}` plans the {r.ToCall} of {r.PlannedSlots} slots not recovered as done again" +
                             (r.ToCall == 0 ? "" : $" — re-running them costs money: est. ${r.EstimatedUsd.ToString("0.####", CultureInfo.InvariantCulture)} at catalog per-image prices" +
                                                   (r.UnpricedCalls > 0 ? $" plus {r.UnpricedCalls} calls with no per-image price" : "")) +
                             (r.LostAfterCall > 0 ? $"; {r.LostAfterCall} of them had rows that could not be read, so their calls were probably made and paid for once already" : "") +
                             (r.ToPoll > 0 ? $"; {r.ToPoll} submitted jobs are polled by id, not paid again" : ""));
        else
            output.WriteLine($"resume: slots not recovered are planned again by `imagebench run --resume` and re-running them costs money; no estimate: {result.NoReplanWhy}");
    }

    private static string Problem(StoreProblem problem) => problem switch
    {
        StoreProblem.Damaged => "damaged",
        StoreProblem.NotAStore => "not an ImageBench store",
        StoreProblem.OtherSchemaVersion => "another schema version",
        _ => problem.ToString(),
    };

    private static void List(TextWriter output, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        output.WriteLine($"  {title}:");
        foreach (var item in items.Take(ListCap)) output.WriteLine("    " + item);
        if (items.Count > ListCap) output.WriteLine($"    … and {items.Count - ListCap} more");
    }
}
