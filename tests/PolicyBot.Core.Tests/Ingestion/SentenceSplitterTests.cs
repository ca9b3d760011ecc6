using PolicyBot.Core.Ingestion.Chunking;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_PlainSentences_SplitsAtTerminalPunctuation()
    {
        Assert.Equal(
            ["China restricted gallium.", "Did prices rise?", "Yes!", "\"Quoted start.\"", "7 firms applied."],
            SentenceSplitter.Split("China restricted gallium. Did prices rise? Yes! \"Quoted start.\" 7 firms applied."));
    }

    [Theory]
    [InlineData("MOFCOM Announcement No. 58 covers batteries.")]
    [InlineData("The U.S. Treasury issued guidance.")]
    [InlineData("The U.K. and the E.U. agreed.")]
    [InlineData("Minerals, e.g. Cobalt and lithium, are covered.")]
    [InlineData("That is, i.e. Nickel, is listed.")]
    [InlineData("Nano One Materials Corp. Announced results.")]
    [InlineData("Acme Inc. And Beta Ltd. Signed the deal.")]
    [InlineData("See Art. 5 and Sec. 301 of the Act.")]
    [InlineData("Signed on Oct. 9, 2025 by Dr. Smith and Ms. Jones.")]
    [InlineData("Apple vs. Google was cited.")]
    [InlineData("Output rose approx. 20 percent.")]
    [InlineData("It was written by J. R. Smith.")]
    [InlineData("Density is 2.5 g/cm3 and purity 99.9% at minimum.")]
    [InlineData("Graphite, cobalt, etc. Are all listed.")]
    public void Split_Abbreviations_DoNotEndASentence(string text)
    {
        Assert.Equal([text], SentenceSplitter.Split(text));
    }

    [Fact]
    public void Split_NumberAbbreviationWithoutNumber_EndsSentence()
    {
        Assert.Equal(["The answer was no.", "The ministry declined."], SentenceSplitter.Split("The answer was no. The ministry declined."));
    }

    [Fact]
    public void Split_DecimalsAndPercentages_StayWhole()
    {
        Assert.Equal(
            ["Purity must exceed 99.9%.", "Density is 2.5 g/cm3.", "Prices rose 3.5 times."],
            SentenceSplitter.Split("Purity must exceed 99.9%. Density is 2.5 g/cm3. Prices rose 3.5 times."));
    }

    [Fact]
    public void Split_LowercaseAfterPeriod_DoesNotSplit()
    {
        Assert.Equal(["It costs approx. five dollars vs. ten dollars."], SentenceSplitter.Split("It costs approx. five dollars vs. ten dollars."));
    }

    [Fact]
    public void Split_LineBreaks_EndListItemsAndParagraphs()
    {
        Assert.Equal(
            ["Items covered:", "1. Cathode materials", "2. Precursors", "Heading without period", "Next paragraph."],
            SentenceSplitter.Split("Items covered:\n1. Cathode materials\n2. Precursors\n\nHeading without period\r\nNext paragraph."));
    }

    [Fact]
    public void Split_ClosingQuoteWithoutSpace_Splits()
    {
        Assert.Equal(
            ["“We acknowledge the significance.”", "These developments matter."],
            SentenceSplitter.Split("“We acknowledge the significance.”These developments matter."));
    }

    [Fact]
    public void Split_EllipsisAndBrackets_KeepPunctuationWithSentence()
    {
        Assert.Equal(["Wait...", "(Really.)", "Then stop?!", "End"], SentenceSplitter.Split("Wait... (Really.) Then stop?! End"));
    }

    [Fact]
    public void Split_WhitespaceOnlyOrEmpty_ReturnsNothing()
    {
        Assert.Empty(SentenceSplitter.Split(""));
        Assert.Empty(SentenceSplitter.Split("  \n\n \t "));
    }

    [Fact]
    public void Split_InternalWhitespace_IsCollapsed()
    {
        Assert.Equal(["A spaced sentence."], SentenceSplitter.Split("  A  spaced\tsentence.  "));
    }
}
