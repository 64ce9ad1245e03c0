using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Encore.Api.Errors;

// Program.cs: AddExceptionHandler<EncoreExceptionHandler>(), and
// app.UseExceptionHandler() first in the pipeline
public sealed class EncoreExceptionHandler(IProblemDetailsService problems,
    ILogger<EncoreExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http,
        Exception exception, CancellationToken ct)
    {
        var p = exception switch
        {
            ProblemException known => known,
            // module 2 maps the domain's errors here as well, and shows
            // From: binding failures become 400, 415 or 422, else null
            _ => InputProblems.From(exception)
                ?? new ProblemException(500, "internal-error",
                    "The error was logged. Quote the trace id to support."),
        };
        if (p.Status >= 500) logger.LogError(exception, "Unhandled error");

        var details = new ProblemDetails
        {
            Type = $"https://encore.example/problems/{p.Slug}",
            // ASP.NET Core keeps the RFC 7231 (413) and RFC 4918 (422) names.
            Title = p.Status switch
            {
                413 => "Content Too Large",
                422 => "Unprocessable Content",
                _ => ReasonPhrases.GetReasonPhrase(p.Status),
            },
            Status = p.Status,
            Detail = p.Message,
        };
        foreach (var (key, value) in p.Extensions)
            details.Extensions[key] = value; // errors, unavailableSeatIds
        foreach (var (name, value) in p.Headers)
            http.Response.Headers[name] = value; // Retry-After, ...
        http.Response.StatusCode = p.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http, Exception = exception,
            ProblemDetails = details,
        });
    }
}
