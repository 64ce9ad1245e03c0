namespace Encore.Api.Errors;

// An error that already knows its problem: status, type slug, detail.
//   throw new ProblemException(409, "seat-unavailable",
//       "Seat B-14 was taken.",
//       extensions: new() { ["unavailableSeatIds"] = ids });
public sealed class ProblemException(int status, string slug,
    string detail, Dictionary<string, string>? headers = null,
    Dictionary<string, object?>? extensions = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Slug { get; } = slug;
    public Dictionary<string, string> Headers { get; } = headers ?? [];
    public Dictionary<string, object?> Extensions { get; } =
        extensions ?? [];
}
