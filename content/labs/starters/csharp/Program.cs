// Encore starter for the api-architect labs (ASP.NET Core 10, minimal APIs).
// Probes, lab tokens, problem details and venues are done; shows are yours.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);
var secret = builder.Configuration["Encore:JwtSecret"]!;

builder.Services
    .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o =>
    {
        o.MapInboundClaims = false; // claims keep their JWT names: sub, roles
        o.TokenValidationParameters = new()
        {
            ValidIssuer = "https://api.encore.example",
            ValidAudience = "encore-api",
            IssuerSigningKey = new SymmetricSecurityKey(
                Encoding.UTF8.GetBytes(secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RoleClaimType = "roles",
        };
    });
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("staff", p => p.RequireRole("staff", "admin"));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    // Encore's members on every problem: its type URIs and the W3C trace id.
    var status = c.ProblemDetails.Status ?? 500;
    c.ProblemDetails.Type ??= "https://encore.example/problems/" + status switch
    {
        400 => "malformed-body",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        _ => "internal-error",
    };
    c.ProblemDetails.Instance = c.HttpContext.Request.Path;
    c.ProblemDetails.Extensions.Remove("traceId");
    var trace = Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom();
    c.ProblemDetails.Extensions["traceId"] = trace.ToString();
});

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

// --- probes ------------------------------------------------------------------
app.MapGet("/health", (HttpResponse res) =>
{
    res.Headers.CacheControl = "no-store";
    return Results.Ok(new { status = "ok" });
});
app.MapGet("/ready", (HttpResponse res) =>
{
    res.Headers.CacheControl = "no-store";
    return Results.Ok(new { status = "ready", checks = new { memory = "ok" } });
});

// --- venues (done: the labs create one before their checks) -----------------
var venues = new ConcurrentDictionary<Guid, Venue>();
var seats = new ConcurrentDictionary<Guid, Seat>();

app.MapPost("/v1/venues", (VenueCreate input) =>
{
    var errors = new List<object>();
    foreach (var (name, value) in new[] {
        ("name", input.Name), ("city", input.City),
        ("country", input.Country), ("timezone", input.Timezone) })
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(new { pointer = "#/" + name, detail = "is required" });
    }
    if (errors.Count > 0)
    {
        return Results.Problem(statusCode: 422,
            type: "https://encore.example/problems/validation-failed",
            title: "The request body is not valid",
            detail: $"{errors.Count} field(s) need attention.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors,
            });
    }
    var venue = new Venue(Guid.CreateVersion7(), input.Name!, input.City!,
        input.Country!, input.Timezone!, 10, DateTime.UtcNow);
    foreach (var row in new[] { "A", "B" })
        for (var n = 1; n <= 5; n++)
        {
            var id = Guid.CreateVersion7();
            seats[id] = new Seat(id, venue.Id, $"{row}-{n}", "stalls", row, n);
        }
    venues[venue.Id] = venue;
    return Results.Created($"/v1/venues/{venue.Id}", venue);
}).RequireAuthorization("staff");

// --- shows: lab 01 (`api-architect lab start shows`) -------------------------
IResult Yours(HttpRequest req) => Results.Problem(statusCode: 501,
    type: "https://encore.example/problems/not-implemented",
    title: "Not built yet",
    detail: $"{req.Method} {req.Path} is yours to write.");

app.MapGet("/v1/shows", Yours);
app.MapGet("/v1/shows/{showId:guid}", Yours);
app.MapPost("/v1/shows", Yours).RequireAuthorization("staff");
app.MapPatch("/v1/shows/{showId:guid}", Yours).RequireAuthorization("staff");

app.Run();

record VenueCreate(
    string? Name, string? City, string? Country, string? Timezone);
record Venue(Guid Id, string Name, string City, string Country,
    string Timezone, int Capacity, DateTime CreatedAt);
record Seat(Guid Id, Guid VenueId, string Label, string Section,
    string Row, int Number);
