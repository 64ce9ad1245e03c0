namespace Encore.Api.Errors;

// Route ids are bound as strings, so that
// a bad one is a 400 naming the parameter.
public static class Ids
{
    public static Guid Parse(string name, string value) =>
        Guid.TryParseExact(value, "D", out var id) ? id
            : throw InputProblems.InvalidParameter(name, "must be a UUID");
}
