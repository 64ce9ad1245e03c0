using Encore.Api.Errors;

namespace Encore.Api.Shows;

// Lab 01 is yours to write: `api-architect lab start shows`. Until then
// every route answers 501 as problem details.
public static partial class ShowEndpoints
{
    public static RouteGroupBuilder MapShows(this RouteGroupBuilder v1)
    {
        var shows = v1.MapGroup("/shows").WithTags("Shows");
        shows.MapGet("/", Yours);
        shows.MapGet("/{showId}", Yours);
        shows.MapPost("/", Yours).RequireAuthorization("Staff");
        shows.MapPatch("/{showId}", Yours).RequireAuthorization("Staff");
        return shows;
    }

    static IResult Yours(HttpRequest request) =>
        throw new ProblemException(501, "not-implemented",
            $"{request.Method} {request.Path} is yours to write.");
}
