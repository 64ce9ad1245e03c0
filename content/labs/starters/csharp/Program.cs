// Encore starter for the api-architect labs (ASP.NET Core 10, minimal APIs).
// The shared pieces are done (Errors/, Auth/, Persistence/), and so are
// the probes and venues; the shows routes (Shows/) are yours to write.
using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Encore.Api.Errors;
using Encore.Api.Shows;
using Encore.Api.Venues;
using Encore.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<EncoreDbContext>(o =>
    o.UseNpgsql(builder.Configuration.GetConnectionString("Encore")));
// camelCase already (JsonSerializerDefaults.Web); enums as "on-sale"
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(
        new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));

// Every problem, this app's and the framework's own, gets Encore's type,
// instance and the W3C trace id (module 1).
builder.Services.AddProblemDetails(options =>
    options.CustomizeProblemDetails = ctx =>
    {
        var problem = ctx.ProblemDetails;
        var status = problem.Status ?? 500;
        const string types = "https://encore.example/problems/";
        if (problem.Type?.StartsWith(types) != true)
            problem.Type = types + (status switch
            {
                400 => "malformed-body", 401 => "unauthenticated",
                403 => "forbidden", 404 => "not-found",
                405 => "method-not-allowed", 415 => "unsupported-media-type",
                429 => "rate-limited", >= 500 => "internal-error",
                _ => "failed",
            });
        problem.Detail ??= status >= 500
            ? "The error was logged. Quote the trace id to support."
            : problem.Title;
        problem.Instance = ctx.HttpContext.Request.Path;
        problem.Extensions["traceId"] = (Activity.Current?.TraceId
            ?? ActivityTraceId.CreateRandom()).ToHexString();
    });
builder.Services.AddExceptionHandler<EncoreExceptionHandler>();
// A body that does not bind throws, so InputProblems.From sees it
builder.Services.Configure<RouteHandlerOptions>(o =>
    o.ThrowOnBadRequest = true);

// The lab's tokens: HS256 with the shared key (Encore:JwtSecret, or the
// variable Encore__JwtSecret). Encore itself verifies ES256 tokens from
// its JWKS (module 3).
var labKey = builder.Configuration["Encore:JwtSecret"]!;
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o =>
    {
        o.MapInboundClaims = false; // keep "sub", "roles", "scope"
        o.Challenge = "Bearer realm=\"encore\"";
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = "https://api.encore.example",
            ValidAudience = "encore-api",
            IssuerSigningKey = new SymmetricSecurityKey(
                Encoding.UTF8.GetBytes(labKey)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30), // default: 5 minutes
            NameClaimType = "sub",
            RoleClaimType = "roles",
        };
        o.Events = new JwtBearerEvents
        {
            // user.CustomerId() parses "sub": refuse any other token here
            OnTokenValidated = ctx =>
            {
                var sub = ctx.Principal?.FindFirstValue(
                    JwtRegisteredClaimNames.Sub);
                if (!Guid.TryParse(sub, out _)) ctx.Fail("sub is not a UUID");
                return Task.CompletedTask;
            },
        };
    });
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("Staff", p => p.RequireRole("staff", "admin"));

var app = builder.Build();

// The starter creates missing tables itself; module 7 brings migrations.
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<EncoreDbContext>();
    await db.Database.EnsureCreatedAsync();
}

app.UseExceptionHandler(); // every exception: EncoreExceptionHandler
app.UseStatusCodePages();  // empty 401/403/404/405 answers get a body too
app.UseAuthentication();
app.UseAuthorization();

// Probes, outside /v1. Module 9 adds a database check to /ready.
app.MapGet("/health", (HttpResponse res) =>
{
    res.Headers.CacheControl = "no-store";
    return Results.Ok(new { status = "ok" });
});
app.MapGet("/ready", (HttpResponse res) =>
{
    res.Headers.CacheControl = "no-store";
    return Results.Ok(new { status = "ready",
        checks = new { database = "ok" } });
});

var v1 = app.MapGroup("/v1");
v1.MapVenues();
v1.MapShows();

app.Run();
