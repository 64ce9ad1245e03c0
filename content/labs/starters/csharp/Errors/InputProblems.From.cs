using System.Text.Json;

namespace Encore.Api.Errors;

// The other half of InputProblems.cs (module 2). Program.cs sets
// ThrowOnBadRequest, so input that does not bind throws instead of
// answering a bare 400, and this turns it into Encore's problem.
public static partial class InputProblems
{
    // The 400/415/422 problem for bad input; null for any other exception
    public static ProblemException? From(Exception exception) =>
        exception switch
        {
            // System.Text.Json names the member it could not read: "$.title"
            BadHttpRequestException { InnerException: JsonException
                { Path: { Length: > 1 } path } } => InvalidBody(
                Pointer(path[1..]), "has the wrong type"),
            BadHttpRequestException { InnerException: JsonException } =>
                new(400, "malformed-body", "The body is not a JSON object."),
            BadHttpRequestException { StatusCode: 415 } => new(415,
                "unsupported-media-type", "Send the body as JSON."),
            // A query or header value that does not parse, or no body
            BadHttpRequestException => new(400, "invalid-parameters",
                "A parameter or the body could not be read."),
            _ => null,
        };
}
