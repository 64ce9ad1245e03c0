using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Encore.Api.Errors;

public static partial class InputProblems
{
    // 400 invalid-parameters or 422 validation-failed, an item each
    public static ProblemException Invalid(int status,
        IEnumerable<object> items)
    {
        var list = items.ToList();
        var slug = status == 400 ? "invalid-parameters" : "validation-failed";
        return new(status, slug, $"{list.Count} item(s) need attention.",
            extensions: new() { ["errors"] = list });
    }

    // One item by hand: an id in the body that names nothing (422), a
    // cursor issued for another query (400)
    public static ProblemException InvalidBody(string pointer,
        string detail) => Invalid(422, [new { detail, pointer }]);

    public static ProblemException InvalidParameter(string name,
        string detail) => Invalid(400, [new { detail, parameter = name }]);

    // A body the handler holds as a JsonNode (a merge patch): a member of
    // the wrong type is a 422 at its pointer, as when the framework binds.
    public static T Read<T>(JsonNode body, JsonSerializerOptions json)
    {
        try { return body.Deserialize<T>(json)!; }
        catch (JsonException e)
        {
            throw InvalidBody(Pointer((e.Path ?? "$")[1..]),
                "has the wrong type");
        }
    }

    // "SeatIds[0]" or ".seatIds[0]" -> "#/seatIds/0"
    private static string Pointer(string path) => "#/" + string.Join('/',
        Index().Replace(path, ".$1")
            .Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(JsonNamingPolicy.CamelCase.ConvertName));

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}

// An item of a 422 that a handler builds itself (ShowInput.Validate)
public sealed record FieldError(string Pointer, string Detail);
