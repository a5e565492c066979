namespace ImageBench.Scoring.Judge;

/// <summary>
/// One yes/no question of a judge's checklist (Davidsonian Scene Graph style): atomic, answered from the image,
/// and scored 0 when any question it depends on was answered "no".
/// </summary>
/// <param name="Id">Stable within the prompt ("obj1", "obj1.count", "lighting", "check2").</param>
/// <param name="DependsOn">Ids of earlier items this one presupposes ("Are there exactly three croissants?" presupposes croissants).</param>
/// <param name="Capability">One of <see cref="ChecklistCapabilities.Known"/>: what a "no" here says a model cannot do.</param>
/// <param name="CountOf">The object's name when the judge should also report how many it sees.</param>
public sealed record ChecklistItem(string Id, string Question, IReadOnlyList<string> DependsOn, string Capability, string? CountOf = null)
{
    public JudgeQuestion ToQuestion() => new(Id, Question, CountOf);
}
