using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>Strips inline Markdown from one line: emphasis, links (kept as their text), images (alt text), code spans, HTML tags, escapes.</summary>
internal static partial class MarkdownInline
{
    // Escaped and code-span characters move to the private-use area so later patterns do not see them.
    private const char ProtectedBase = '\uE000';

    public static string ToPlainText(string line)
    {
        var text = Escape().Replace(line, m => Protect(m.Groups[1].Value));
        text = CodeSpan().Replace(text, m => Protect(m.Groups[2].Value.Trim()));
        text = FootnoteReference().Replace(text, "");
        text = Image().Replace(text, m => m.Groups[1].Value);
        text = InlineLink().Replace(text, m => m.Groups[1].Value);
        text = ReferenceLink().Replace(text, m => m.Groups[1].Value);
        text = AutoLink().Replace(text, m => Protect(m.Groups[1].Value));
        text = HtmlTag().Replace(text, " ");
        for (var pass = 0; pass < 2; pass++)
        {
            text = Strong().Replace(text, m => m.Groups[2].Value);
            text = Strikethrough().Replace(text, m => m.Groups[1].Value);
            text = EmphasisStar().Replace(text, m => m.Groups[1].Value);
            text = EmphasisUnderscore().Replace(text, m => m.Groups[1].Value);
        }
        return Restore(WebUtility.HtmlDecode(text));
    }

    private static string Protect(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(c is > ' ' and < '\u007F' && !char.IsLetterOrDigit(c) ? (char)(ProtectedBase + c) : c);
        return builder.ToString();
    }

    private static string Restore(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(c is > ProtectedBase and < (char)(ProtectedBase + 0x7F) ? (char)(c - ProtectedBase) : c);
        return builder.ToString();
    }

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"(`+)(.+?)(?<!`)\1(?!`)")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\[\^[^\]\s]+\]")]
    private static partial Regex FootnoteReference();

    [GeneratedRegex(@"!\[([^\]]*)\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:""[^""]*""|'[^']*'))?\)|\[[^\]]*\])")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:""[^""]*""|'[^']*'))?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[([^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<((?:https?|ftp)://[^>\s]+|[^@>\s]+@[^>\s]+\.[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")]
    private static partial Regex Strong();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~")]
    private static partial Regex Strikethrough();

    [GeneratedRegex(@"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")]
    private static partial Regex EmphasisStar();

    [GeneratedRegex(@"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")]
    private static partial Regex EmphasisUnderscore();
}
