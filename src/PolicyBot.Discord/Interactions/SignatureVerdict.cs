namespace PolicyBot.Discord.Interactions;

/// <summary>Outcome of <see cref="InteractionSignatureVerifier.Check"/>; everything but <see cref="Valid"/> is answered with 401.</summary>
public enum SignatureVerdict
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    BadSignature,
}
