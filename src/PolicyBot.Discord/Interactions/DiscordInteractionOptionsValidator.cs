using Microsoft.Extensions.Options;

namespace PolicyBot.Discord.Interactions;

[OptionsValidator]
internal sealed partial class DiscordInteractionOptionsValidator : IValidateOptions<DiscordInteractionOptions>;
