<?php

namespace App\Http\Middleware;

use App\Exceptions\ProblemException;
use Closure;
use Illuminate\Http\Request;
use Symfony\Component\HttpFoundation\Response;

// 415 for a body that is not JSON, 400 for JSON that does not parse or is
// not an object (Laravel would otherwise read it as an empty body).
// json_validate needs PHP 8.3.
final class RequireJsonBody
{
    private const OBJECT_TYPES = ['application/json',
        'application/merge-patch+json'];

    public function handle(Request $request, Closure $next): Response
    {
        $body = $request->getContent();
        if ($body === '') {
            return $next($request);
        }
        // isJson() accepts every +json type, so a JSON Patch reaches the
        // PATCH controller, which answers 415 with Accept-Patch itself.
        if (! $request->isJson()) {
            throw new ProblemException(415, 'unsupported-media-type',
                'Send the body as application/json.');
        }
        $type = strtolower(trim(explode(';',
            (string) $request->header('Content-Type'))[0]));
        if (! json_validate($body) || (in_array($type, self::OBJECT_TYPES,
                true) && ! str_starts_with(ltrim($body), '{'))) {
            throw new ProblemException(400, 'malformed-body',
                'The body is not a JSON object.');
        }

        return $next($request);
    }
}
