using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using OpenAI;
using PolicyBot.Ai.Chat;
using PolicyBot.Ai.SemanticKernel;
using PolicyBot.Core.Answering;

namespace Microsoft.Extensions.DependencyInjection;

public static class PolicyBotAiServiceCollectionExtensions
{
    public const string ChatHttpClient = "policybot-chat";

    /// <summary>Registers the answer composer on Semantic Kernel (extractive by default, OpenAI-compatible when configured).</summary>
    public static IServiceCollection AddPolicyBotAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>());
        services.AddHttpClient(ChatHttpClient, (sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ChatOptions>>().Value.TimeoutSeconds + 5));

        services.AddSingleton(sp => new PromptLibrary(sp.GetRequiredService<IOptions<ChatOptions>>().Value.PromptsPath));
        services.AddSingleton<IAnswerComposer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ChatOptions>>().Value;
            var prompt = sp.GetRequiredService<PromptLibrary>().Load(PromptLibrary.AnswerPrompt);
            var extractive = BuildKernel(new ExtractiveChatCompletionService());
            var logger = sp.GetRequiredService<ILogger<SemanticKernelAnswerComposer>>();
            if (!options.UsesOpenAi)
                return new SemanticKernelAnswerComposer(extractive, null, prompt, TimeSpan.FromSeconds(options.TimeoutSeconds), logger);

            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(ChatHttpClient);
            var remote = Kernel.CreateBuilder();
            remote.AddOpenAIChatCompletion(options.Model!, CreateOpenAiClient(options, http));
            return new SemanticKernelAnswerComposer(remote.Build(), extractive, prompt, TimeSpan.FromSeconds(options.TimeoutSeconds), logger);
        });
        return services;
    }

    /// <summary>An OpenAI SDK client for any OpenAI-compatible endpoint, on our HttpClient, with our retry count.</summary>
    public static OpenAIClient CreateOpenAiClient(ChatOptions options, HttpClient http) =>
        new(
            // Local servers (Ollama, vLLM) need no key, but the SDK wants a non-empty credential.
            new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(options.Endpoint!),
                Transport = new HttpClientPipelineTransport(http),
                RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
                NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            });

    private static Kernel BuildKernel(IChatCompletionService service)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(service);
        return builder.Build();
    }
}
