using System.CommandLine;
using ImageBench.Storage.Recovery;

namespace ImageBench.Cli.Commands;

/// <summary>
/// <c>imagebench doctor DIR [--repair]</c>: what a run's store still holds, and with <c>--repair</c> a fresh store
/// built from it. Exit 0 when the store is healthy (or was repaired into a store a resume can use), 1 when it is
/// damaged (or the repair had no manifest to build a store from), 2 when DIR holds no store or a store of another
/// schema version is asked to be repaired.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Run directory (holding imagebench.db)" };
        var repair = new Option<bool>("--repair")
        {
            Description = "Move a damaged store aside (kept, never deleted), copy every readable row into a fresh store, and list images no readable attempt references in salvaged-images.txt (images are never moved or deleted)",
        };
        var command = new Command("doctor", "Check a run's store: what is readable, which images are on disk and referenced; --repair salvages a damaged store") { dir, repair };
        command.SetAction(async (parse, ct) =>
        {
            var runDir = parse.GetValue(dir)!;
            if (!parse.GetValue(repair))
            {
                var found = await StoreDoctor.ExamineAsync(runDir, ct);
                DoctorReport.Write(found, Console.Out);
                return found.IsHealthy ? ExitCodes.Ok : ExitCodes.FailuresAboveThreshold;
            }
            var result = await StoreRepair.RepairAsync(runDir, TimeProvider.System, ct);
            DoctorReport.Write(result.Examination, Console.Out, repairing: true);
            DoctorReport.Write(result, Console.Out);
            return result.Examination.IsHealthy || result.FreshStore ? ExitCodes.Ok : ExitCodes.FailuresAboveThreshold;
        });
        return command;
    }
}
