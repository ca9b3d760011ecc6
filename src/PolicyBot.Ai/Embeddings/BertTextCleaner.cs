using System.Globalization;
using System.Text;

namespace PolicyBot.Ai.Embeddings;

/// <summary>
/// Does the parts of the Hugging Face BERT normaliser that Microsoft.ML.Tokenizers gets wrong for us:
/// it deletes tabs and line breaks (gluing "one\ntwo" into "onetwo") instead of treating them as spaces,
/// and with InvariantGlobalization (set for all PolicyBot projects) it cannot strip accents, so "café" became [UNK].
/// </summary>
internal static class BertTextCleaner
{
    // Accent-free form of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), as NFD minus marks gives.
    private const int FoldStart = 0xC0;
    private const string LatinFold =
        "AAAAAA\u00C6CEEEEIIII\u00D0NOOOOO\u00D7\u00D8UUUUY\u00DE\u00DFaaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00F7\u00F8uuuuy\u00FEy" +
        "AaAaAaCcCcCcCcDd\u0110\u0111EeEeEeEeEeGgGgGgGgHh\u0126\u0127IiIiIiIiI\u0131\u0132\u0133JjKk\u0138LlLlLl\u013F" +
        "\u0140\u0141\u0142NnNnNn\u0149\u014A\u014BOoOoOo\u0152\u0153RrRrRrSsSsSsSsTtTt\u0166\u0167UuUuUuUuUuUuWwYyYZzZzZz\u017F";

    private static readonly bool s_runtimeCanDecompose = "\u00E9".Normalize(NormalizationForm.FormD).Length == 2;

    public static string Clean(string text)
    {
        if (IsPlain(text))
        {
            return text;
        }

        if (s_runtimeCanDecompose)
        {
            text = text.Normalize(NormalizationForm.FormD);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                builder.Append(' ');
            }
            else if (char.IsControl(c) || c == '\uFFFD' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // HF drops control characters, the replacement character and (with lower-casing) accents.
            }
            else if (c >= FoldStart && c - FoldStart < LatinFold.Length)
            {
                builder.Append(LatinFold[c - FoldStart]);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsPlain(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
