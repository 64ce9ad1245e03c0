<?php

use App\Exceptions\InvalidParameters;
use App\Exceptions\ProblemException;
use App\Http\Middleware\RequireJsonBody;
use App\Support\TraceId;
use Illuminate\Auth\AuthenticationException;
use Illuminate\Foundation\Application;
use Illuminate\Foundation\Configuration\Exceptions;
use Illuminate\Foundation\Configuration\Middleware;
use Illuminate\Http\Exceptions\HttpResponseException;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Route;
use Illuminate\Validation\ValidationException;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\HttpKernel\Exception\HttpExceptionInterface;

return Application::configure(basePath: dirname(__DIR__))
    ->withRouting(
        // routes/api.php declares '/shows'; it is served as /v1/shows.
        api: __DIR__.'/../routes/api.php',
        apiPrefix: 'v1',
        commands: __DIR__.'/../routes/console.php',
        // Outside /v1: /health, /ready, /openapi.json, /auth/*, /webhooks/*.
        // Not `health:` - Laravel's built-in health route answers HTML.
        then: fn () => Route::middleware('api')
            ->group(base_path('routes/unversioned.php')),
    )
    ->withMiddleware(function (Middleware $middleware): void {
        // 415 for a body that is not JSON, 400 for JSON that does not parse
        // (Laravel would otherwise read it as an empty body).
        $middleware->api(prepend: [RequireJsonBody::class]);
        // An API has no login page: a guest gets 401, never a redirect.
        $middleware->redirectGuestsTo(fn () => null);
    })
    ->withExceptions(function (Exceptions $exceptions): void {
        // Encore has no HTML pages: errors are JSON whatever Accept says.
        $exceptions->shouldRenderJsonWhen(fn () => true);
        // The log line carries the trace id the client sees in the problem.
        $exceptions->context(fn () => [
            'traceId' => TraceId::of(request()),
        ]);
        // (module 2 adds $exceptions->map() lines for domain errors here)

        $exceptions->render(function (Throwable $e, Request $request) {
            if ($e instanceof HttpResponseException) {
                return null; // a response someone built on purpose
            }
            $status = match (true) {
                $e instanceof InvalidParameters => 400,
                $e instanceof AuthenticationException => 401,
                $e instanceof ValidationException => 422,
                $e instanceof HttpExceptionInterface => $e->getStatusCode(),
                default => 500, // the fallback: anything unexpected
            };
            $slug = match (true) {
                $e instanceof ProblemException => $e->slug,
                $e instanceof InvalidParameters => 'invalid-parameters',
                $e instanceof ValidationException => 'validation-failed',
                default => [
                    400 => 'malformed-body', 401 => 'unauthenticated',
                    403 => 'forbidden', 404 => 'not-found',
                    405 => 'method-not-allowed',
                    415 => 'unsupported-media-type',
                    429 => 'rate-limited', 503 => 'unavailable',
                ][$status] ?? ($status >= 500 ? 'internal-error' : 'failed'),
            };
            $title = Response::$statusTexts[$status] ?? 'Error';
            // Framework messages can name classes or tables: never echo them.
            $detail = match (true) {
                $e instanceof ProblemException => $e->getMessage(),
                $e instanceof ValidationException =>
                    count($e->errors()).' item(s) need attention.',
                $status === 401 => 'Send a valid access token.',
                $status >= 500 =>
                    'The error was logged. Quote the trace id to support.',
                default => $title.'.',
            };
            $errors = match (true) {
                $e instanceof InvalidParameters => collect($e->errors())
                    ->map(fn ($m, $name) => [
                        'detail' => $m[0], 'parameter' => $name,
                    ])->values()->all(),
                $e instanceof ValidationException => collect($e->errors())
                    ->map(fn ($m, $key) => [
                        'detail' => $m[0],
                        'pointer' => '#/'.str_replace('.', '/', $key),
                    ])->values()->all(),
                default => null,
            };
            $headers = $e instanceof HttpExceptionInterface
                ? $e->getHeaders() : [];
            if ($status === 401) {
                $sent = $request->bearerToken() !== null;
                $headers['WWW-Authenticate'] ??= 'Bearer realm="encore"'
                    .($sent ? ', error="invalid_token"' : '');
            }
            $headers['Content-Type'] = 'application/problem+json';
            // Extension members such as unavailableSeatIds
            $extensions = $e instanceof ProblemException
                ? $e->extensions : [];

            return new JsonResponse(array_filter([
                'type' => "https://encore.example/problems/{$slug}",
                'title' => $title,
                'status' => $status,
                'detail' => $detail,
                'instance' => '/'.ltrim($request->path(), '/'),
                'traceId' => TraceId::of($request), // module 9: OpenTelemetry
                'errors' => $errors,
            ], fn ($v) => $v !== null) + $extensions, $status, $headers,
                JSON_UNESCAPED_SLASHES);
        });
    })->create();
