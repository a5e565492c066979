using CsCheck;
using ImageBench.Scoring.Ocr.Paddle;

namespace ImageBench.Tests.Scoring.Ocr.Paddle;

public sealed class CtcGreedyDecoderTests
{
    private static readonly PaddleDictionary Dictionary = new(["A", "B", "C", "D"]); // classes: blank, A, B, C, D, space

    [Fact]
    public void The_dictionary_has_the_blank_first_and_a_space_last()
    {
        Assert.Equal(6, Dictionary.ClassCount);
        Assert.Equal(("", "A", " ", ""), (Dictionary[0], Dictionary[1], Dictionary[5], Dictionary[99]));
    }

    [Fact]
    public void Repeats_collapse_and_a_blank_separates_a_double_letter()
    {
        var chars = CtcGreedyDecoder.Decode(OneHot([1, 1, 0, 2, 2, 2, 0, 2, 5, 3]), 10, 6, Dictionary);
        Assert.Equal("ABB C", string.Concat(chars.Select(c => c.Text)));
        Assert.Equal([0, 3, 7, 8, 9], chars.Select(c => c.Step));
    }

    [Fact]
    public void Decoding_an_encoded_label_sequence_gives_the_labels_back()
    {
        var label = Gen.Int[1, 5];
        Gen.Select(label.Array[0, 12], Gen.Int[1, 3].Array[12], Gen.Bool.Array[12]).Sample((labels, repeats, blanks) =>
        {
            var steps = new List<int>();
            for (int i = 0; i < labels.Length; i++)
            {
                if (blanks[i] || (i > 0 && labels[i] == labels[i - 1])) steps.Add(0); // CTC needs a blank between equal labels
                for (int r = 0; r < repeats[i]; r++) steps.Add(labels[i]);
            }
            var decoded = CtcGreedyDecoder.Decode(OneHot(steps), steps.Count, 6, Dictionary);
            Assert.Equal(string.Concat(labels.Select(l => Dictionary[l])), string.Concat(decoded.Select(c => c.Text)));
            Assert.All(decoded, c => Assert.Equal(0.9f, c.Probability));
        });
    }

    private static float[] OneHot(IReadOnlyList<int> classes)
    {
        var probabilities = new float[classes.Count * 6];
        for (int t = 0; t < classes.Count; t++)
        {
            for (int c = 0; c < 6; c++) probabilities[t * 6 + c] = c == classes[t] ? 0.9f : 0.02f;
        }
        return probabilities;
    }
}
