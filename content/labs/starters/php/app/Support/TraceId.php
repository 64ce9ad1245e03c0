<?php

namespace App\Support;

use Illuminate\Http\Request;

// The W3C trace id of the request, from its traceparent header when it
// has one. Encore's bootstrap/app.php reads OpenTelemetry's span instead
// (Span::getCurrent()); module 9 sets that up.
final class TraceId
{
    private const TRACEPARENT =
        '/^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/';

    public static function of(Request $request): string
    {
        $sent = (string) $request->header('traceparent');
        if (preg_match(self::TRACEPARENT, $sent, $m)) {
            return $m[1];
        }
        if (! $request->attributes->has('traceId')) {
            $request->attributes->set('traceId', bin2hex(random_bytes(16)));
        }

        return $request->attributes->get('traceId');
    }
}
