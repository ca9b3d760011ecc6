using System.Xml.Linq;

namespace PolicyBot.Host.Ingestion;

/// <summary>An entry of an RSS or Atom feed: its title and the page it links to.</summary>
public sealed record FeedEntry(string? Title, Uri Link);

/// <summary>Reads RSS 2.0 (and RSS 1.0 items) and Atom 1.0; relative links resolve against the feed's address. DTDs are refused.</summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static IReadOnlyList<FeedEntry> Parse(string xml, Uri feedUrl)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("the feed is empty");
        var entries = root.Name == Atom + "feed"
            ? root.Elements(Atom + "entry").Select(e => Entry(
                e.Element(Atom + "title")?.Value,
                e.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value,
                feedUrl))
            : root.Descendants().Where(e => e.Name.LocalName == "item").Select(e => Entry(
                Child(e, "title"), Child(e, "link") ?? PermaLink(e), feedUrl));
        return [.. entries.OfType<FeedEntry>().DistinctBy(e => e.Link)];
    }

    private static string? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(x => x.Name.LocalName == localName)?.Value;

    private static string? PermaLink(XElement item) =>
        item.Elements("guid").FirstOrDefault(g => (string?)g.Attribute("isPermaLink") != "false")?.Value;

    private static FeedEntry? Entry(string? title, string? link, Uri feedUrl) =>
        !string.IsNullOrWhiteSpace(link) && Uri.TryCreate(feedUrl, link.Trim(), out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? new FeedEntry(string.IsNullOrWhiteSpace(title) ? null : title.Trim(), url)
            : null;
}
