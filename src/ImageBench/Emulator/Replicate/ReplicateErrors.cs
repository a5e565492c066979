using System.Text.Json.Nodes;

namespace ImageBench.Emulator.Replicate;

/// <summary>Replicate's problem+json errors: {title, detail, status}. Only the 401 is recorded; the rest follow its shape.</summary>
internal static class ReplicateErrors
{
    public const string ContentType = "application/problem+json";

    public static JsonObject Problem(int status, string title, string detail) => new()
    {
        ["title"] = title,
        ["detail"] = detail,
        ["status"] = status,
    };

    /// <summary>Recorded in fixtures/replicate/…/run__invalid-token.yaml.</summary>
    public static JsonObject Unauthenticated() => Problem(401, "Unauthenticated", "You did not pass a valid authentication token");

    public static JsonObject Invalid(string detail) => Problem(422, "Input validation failed", detail);

    public static JsonObject ForFault(int status, string message) => status switch
    {
        429 => Problem(429, "Request was throttled.", "Request was throttled. Expected available in 1 second."),
        401 => Unauthenticated(),
        402 => Problem(402, "Insufficient credit", "You have insufficient credit to run this model. Go to https://replicate.com/account/billing#billing to purchase credit."),
        _ => Problem(status, message, message),
    };

    /// <summary>The wording of Replicate's FLUX safety failure (E005) as reported by users [UNVERIFIED].</summary>
    public const string Flagged = "Your input or output was flagged as sensitive. Please try again with different inputs. (E005)";
}
