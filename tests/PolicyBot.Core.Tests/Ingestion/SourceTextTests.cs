using PolicyBot.Core.Ingestion.Readers;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class SourceTextTests
{
    [Theory]
    [InlineData("policies/cn/MOFCOM Announcement 61.md", "policies-cn-mofcom-announcement-61")]
    [InlineData(@"policies\eu\Règlement_2023-1542.pdf", "policies-eu-reglement-2023-1542")]
    [InlineData("v1.2/notes", "v1-2-notes")]
    [InlineData("--.md", "document")]
    public void Slug_Path_IsLowerCaseAsciiWithDashes(string path, string expected)
    {
        Assert.Equal(expected, SourceText.Slug(path));
    }

    [Theory]
    [InlineData("policies/mofcom_announcement-61.md", "Mofcom announcement 61")]
    [InlineData("a/b/graphite.txt", "Graphite")]
    public void TitleFromFileName_Path_IsPrettified(string path, string expected)
    {
        Assert.Equal(expected, SourceText.TitleFromFileName(path));
    }
}
