using System.Text.RegularExpressions;
using PolicyBot.Ai.SemanticKernel;
using PolicyBot.Tests;

namespace PolicyBot.Adapters.Tests.Ai;

public sealed class PromptFilesTests
{
    [Fact]
    public void AnswerPrompt_DeclaresExactlyTheVariablesTheComposerSupplies()
    {
        var config = new PromptLibrary(Path.Combine(RepositoryPaths.Root, "prompts")).Load(PromptLibrary.AnswerPrompt);

        var declared = config.InputVariables.Select(v => v.Name).Order().ToList();
        Assert.Equal(SemanticKernelAnswerComposer.SuppliedVariables.Order(), declared);

        var used = Regex.Matches(config.Template, @"\{\{\s*\$(\w+)\s*\}\}").Select(m => m.Groups[1].Value).Distinct().Order().ToList();
        Assert.Equal(declared, used);
        Assert.Equal(0, Convert.ToDouble(config.ExecutionSettings["default"].ExtensionData!["temperature"].ToString(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_BrokenYaml_NamesTheFile()
    {
        var error = Assert.Throws<InvalidDataException>(() => PromptLibrary.Parse("template: [unclosed", "prompts/broken.yaml"));
        Assert.Contains("prompts/broken.yaml", error.Message);
    }

    [Fact]
    public void Parse_TemplateThatLooksLikeANumber_StaysText()
    {
        var config = PromptLibrary.Parse("name: x\ntemplate: \"2025\"\n", "x.yaml");
        Assert.Equal("2025", config.Template);
    }
}
