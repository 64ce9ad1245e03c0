using Encore.Api.Errors;
using Encore.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Encore.Api.Venues;

public sealed class Venue
{
    public Guid Id { get; set; } // a UUIDv7
    public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public string Country { get; set; } = ""; // ISO 3166-1 alpha-2
    public string Timezone { get; set; } = ""; // IANA: Europe/Lisbon
    public int Capacity { get; set; }
    public DateTime CreatedAt { get; set; } // UTC: written with a Z
}

public sealed class Seat
{
    public Guid Id { get; set; }
    public Guid VenueId { get; set; }
    public string Label { get; set; } = ""; // what the ticket says: "B-14"
    public string Section { get; set; } = "";
    public string Row { get; set; } = "";
    public int Number { get; set; }
}

public record VenueInput(string? Name, string? City, string? Country,
    string? Timezone);

// Venues are done: every lab creates one before its checks.
public static class VenueEndpoints
{
    public static RouteGroupBuilder MapVenues(this RouteGroupBuilder v1)
    {
        var venues = v1.MapGroup("/venues").WithTags("Venues");
        venues.MapPost("/", CreateVenue).RequireAuthorization("Staff");
        venues.MapGet("/{venueId}", GetVenue);
        return venues;
    }

    static async Task<IResult> CreateVenue(VenueInput input,
        EncoreDbContext db)
    {
        List<FieldError> errors = [];
        if (input.Name is not { Length: >= 1 and <= 200 })
            errors.Add(new("#/name", "must be 1 to 200 characters"));
        if (input.City is not { Length: >= 1 and <= 100 })
            errors.Add(new("#/city", "must be 1 to 100 characters"));
        if (input.Country is not { Length: 2 } country
            || !country.All(char.IsAsciiLetterUpper))
            errors.Add(new("#/country", "must be an ISO 3166-1 code"));
        if (string.IsNullOrEmpty(input.Timezone))
            errors.Add(new("#/timezone", "is required"));
        if (errors.Count > 0) throw InputProblems.Invalid(422, errors);

        var venue = new Venue
        {
            Id = Guid.CreateVersion7(), Name = input.Name!, City = input.City!,
            Country = input.Country!, Timezone = input.Timezone!,
            Capacity = 10, CreatedAt = DateTime.UtcNow,
        };
        db.Venues.Add(venue);
        // A small seat map: rows A and B, seats 1 to 5, all in the stalls
        foreach (var row in new[] { "A", "B" })
            for (var n = 1; n <= 5; n++)
                db.Seats.Add(new Seat
                {
                    Id = Guid.CreateVersion7(), VenueId = venue.Id,
                    Label = $"{row}-{n}", Section = "stalls", Row = row,
                    Number = n,
                });
        await db.SaveChangesAsync();
        return TypedResults.Created($"/v1/venues/{venue.Id}", venue);
    }

    static async Task<IResult> GetVenue(string venueId, HttpContext http,
        EncoreDbContext db)
    {
        var id = Ids.Parse("venueId", venueId); // 400 unless a UUID
        var venue = await db.Venues.AsNoTracking()
            .SingleOrDefaultAsync(v => v.Id == id)
            ?? throw new ProblemException(404, "not-found",
                "No venue has this id.");
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(venue);
    }
}
