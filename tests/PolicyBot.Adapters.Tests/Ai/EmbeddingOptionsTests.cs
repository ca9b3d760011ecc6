using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Ai.Embeddings;
using PolicyBot.Core.Ingestion;

namespace PolicyBot.Adapters.Tests.Ai;

public sealed class EmbeddingOptionsTests
{
    [Fact]
    public void Validate_OpenAiWithoutEndpoint_Fails()
    {
        var result = new EmbeddingProviderValidator().Validate(null, new EmbeddingOptions
        {
            Provider = EmbeddingProvider.OpenAI,
            Model = "text-embedding-3-small",
            Dimensions = 1536,
        });

        Assert.True(result.Failed);
        Assert.Contains("PolicyBot:Ai:Embeddings:Endpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_OpenAiWithoutEndpointModelOrDimensions_FailsNamingEachKey()
    {
        using var services = Build(new() { ["Provider"] = "openai" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Endpoint is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Model is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Dimensions is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BatchSize", "0")]
    [InlineData("Dimensions", "0")]
    [InlineData("BatchSize", "300")]
    public void StartupValidation_OutOfRange_Fails(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPolicyBotEmbeddings_NoConfiguration_RegistersLocalMiniLmSingleton()
    {
        using var services = Build([]);
        services.GetRequiredService<IStartupValidator>().Validate();

        var embedder = services.GetRequiredService<IEmbedder>();

        Assert.IsType<MiniLmEmbedder>(embedder);
        Assert.Same(embedder, services.GetRequiredService<IEmbedder>());
        Assert.Equal(EmbeddingOptions.DefaultBatchSize, services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.BatchSize);
    }

    [Fact]
    public void AddPolicyBotEmbeddings_OpenAiFullyConfigured_RegistersHttpEmbedder()
    {
        using var services = Build(new()
        {
            ["Provider"] = "OpenAI",
            ["Endpoint"] = "http://localhost:11434/v1",
            ["Model"] = "nomic-embed-text",
            ["Dimensions"] = "768",
        });
        services.GetRequiredService<IStartupValidator>().Validate();

        var embedder = Assert.IsType<OpenAiCompatibleEmbedder>(services.GetRequiredService<IEmbedder>());

        Assert.Equal(768, embedder.Dimensions);
        Assert.Equal("nomic-embed-text", embedder.ModelId);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(kv => $"{EmbeddingOptions.Section}:{kv.Key}", kv => kv.Value))
            .Build();
        return new ServiceCollection().AddPolicyBotEmbeddings(configuration).BuildServiceProvider();
    }
}
