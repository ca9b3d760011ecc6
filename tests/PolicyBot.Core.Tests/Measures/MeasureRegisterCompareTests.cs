using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Tests.Measures;

[Collection(PolicyCorpusCollection.Name)]
public sealed class MeasureRegisterCompareTests(PolicyCorpusFixture fixture)
{
    private readonly MeasureRegister _register = fixture.Register(new DateOnly(2027, 1, 1));

    [Fact]
    public async Task CompareAsync_ChinaUnitedStatesGraphite_EveryCellIsQuotedOrSaysNotFound()
    {
        var table = await _register.CompareAsync(["China", "United States"], "graphite", default);

        Assert.Equal(ComparisonTable.DefaultColumns, table.Columns);
        Assert.Empty(table.Unresolved);
        Assert.Equal(["China", "United States"], table.Rows.Select(r => r.Subject).Distinct());
        Assert.All(table.Rows, row =>
        {
            var measure = row.Measure!;
            Assert.Equal(row.Subject, measure.Jurisdiction);   // exact jurisdiction: joint measures (United States / China) are not rows
            Assert.Contains(measure.Materials, m => m.Contains("graphite", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(table.Columns.Count, row.Cells.Count);
            Assert.All(row.Cells, cell =>
            {
                if (cell.Evidence is null) Assert.Equal(ComparisonCell.NotFound, cell.Text);
                else
                {
                    Assert.Equal(measure.Id, cell.Evidence.DocumentId);
                    Assert.StartsWith(measure.Id + "#", cell.Evidence.PassageId);
                    Assert.True(CorpusFacts.Quotes(measure.Id, cell.Evidence.Quote), cell.Evidence.Quote);
                }
            });
        });

        var controls = table.Rows.First(r => r.Subject == "China");
        Assert.Equal("cn-graphite-export-controls-2023", controls.Measure!.Id);
        Assert.Equal("1 December 2023", controls.Cells[3].Text);
        Assert.Contains("1 December 2023", controls.Cells[3].Evidence!.Quote);
        Assert.Contains("99.9%", controls.Cells[1].Text);
        Assert.Contains("99.9%", controls.Cells[1].Evidence!.Quote);
        Assert.Contains("licence", controls.Cells[2].Evidence!.Quote);
        Assert.Equal(CorpusFacts.Get("cn-graphite-export-controls-2023").Status, controls.Cells[4].Text);
    }

    [Fact]
    public async Task CompareAsync_ThresholdCells_ShowOnlyFiguresFromTheQuotedSentence()
    {
        var table = await _register.CompareAsync(["cn-announcement-58-2025-lithium-battery-graphite-anode", "us-aam-graphite-adcvd-2025"], null, default);

        Assert.Equal(2, table.Rows.Count);
        foreach (var cell in table.Rows.Select(r => r.Cells[1]))
            Assert.All(cell.Text.Split("; "), figure => Assert.Contains(figure, cell.Evidence!.Quote));
        Assert.Contains("g/cm3", table.Rows[0].Cells[1].Text);   // the sentence with the most figures: LFP cathode density and capacity
        Assert.Equal(ComparisonCell.NotFound, table.Rows[1].Cells[3].Text);   // no effective date in the AD/CVD document's front matter
    }

    [Fact]
    public async Task CompareAsync_MeasureByTitleAndAnUnknownSubject()
    {
        var table = await _register.CompareAsync(["Announcement No. 58", "Atlantis"], null, default);

        Assert.Equal("cn-announcement-58-2025-lithium-battery-graphite-anode", table.Rows[0].Measure!.Id);
        Assert.Equal(["Atlantis"], table.Unresolved);
        var missing = table.Rows[1];
        Assert.Null(missing.Measure);
        Assert.All(missing.Cells, c => Assert.Equal((ComparisonCell.NotFound, (Evidence?)null), (c.Text, c.Evidence)));
    }

    [Fact]
    public async Task CompareAsync_JurisdictionWithoutTheMaterial_GetsANotFoundRow()
    {
        var table = await _register.CompareAsync(["Chile", "Indonesia"], "graphite", default);

        Assert.Equal(2, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Null(r.Measure));
        Assert.Empty(table.Unresolved);
    }
}
