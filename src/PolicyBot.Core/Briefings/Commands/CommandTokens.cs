namespace PolicyBot.Core.Briefings.Commands;

/// <summary>Splits command text into words, keeping "quoted phrases" (straight or curly quotes) together, with their positions.</summary>
internal static class CommandTokens
{
    /// <param name="Start">Index of the token's first character in the text, opening quote included.</param>
    /// <param name="End">Index just after the token, closing quote included.</param>
    public readonly record struct Token(string Value, int Start, int End, bool Quoted);

    public static List<Token> Split(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var start = i;
            if (text[i] is '"' or '“' or '”')
            {
                var close = text.IndexOfAny(['"', '”', '“'], i + 1);
                var end = close < 0 ? text.Length : close;
                tokens.Add(new Token(text[(i + 1)..end], start, Math.Min(text.Length, end + 1), true));
                i = end + 1;
                continue;
            }
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            tokens.Add(new Token(text[start..i], start, i, false));
        }
        return tokens;
    }
}
