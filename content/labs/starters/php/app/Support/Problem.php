<?php

namespace App\Support;

use Illuminate\Auth\Access\AuthorizationException;
use Illuminate\Auth\AuthenticationException;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Validation\ValidationException;
use Symfony\Component\HttpKernel\Exception\HttpExceptionInterface;
use Throwable;

/** RFC 9457 problem details: the one error shape Encore sends. */
final class Problem extends \RuntimeException
{
    public function __construct(
        public readonly int $status,
        public readonly string $slug,
        public readonly string $title,
        string $detail,
        public readonly array $extra = [],
        public readonly array $headers = [],
    ) {
        parent::__construct($detail);
    }

    public static function from(Throwable $e): self
    {
        return match (true) {
            $e instanceof self => $e,
            $e instanceof ValidationException => new self(
                422, 'validation-failed', 'The request body is not valid',
                count($e->errors()).' field(s) need attention.',
                ['errors' => self::items($e->errors())],
            ),
            $e instanceof AuthenticationException => new self(
                401, 'unauthenticated', 'Authentication is required',
                'Send a valid bearer token.', [],
                ['WWW-Authenticate' => 'Bearer realm="encore"'],
            ),
            $e instanceof AuthorizationException => new self(
                403, 'forbidden', 'Not allowed', 'Your role may not.'),
            $e instanceof HttpExceptionInterface => self::http($e),
            default => tap(new self(
                500, 'internal-error', 'Something went wrong on our side',
                'The error was logged.'), fn () => report($e)),
        };
    }

    private static function http(HttpExceptionInterface $e): self
    {
        $status = $e->getStatusCode();
        [$slug, $title] = $status === 404
            ? ['not-found', 'No such resource']
            : ['http-error', 'Request failed'];
        return new self($status, $slug, $title,
            $e->getMessage() ?: 'See the status code.');
    }

    /** Laravel's "seatIds.0" keys as JSON Pointers ("#/seatIds/0"). */
    private static function items(array $errors): array
    {
        $items = [];
        foreach ($errors as $field => $messages) {
            $pointer = '#/'.str_replace('.', '/', $field);
            foreach ($messages as $message) {
                $items[] = ['pointer' => $pointer, 'detail' => $message];
            }
        }
        return $items;
    }

    public function toResponse(Request $request): JsonResponse
    {
        $body = [
            'type' => 'https://encore.example/problems/'.$this->slug,
            'title' => $this->title,
            'status' => $this->status,
            'detail' => $this->getMessage(),
            'instance' => '/'.ltrim($request->path(), '/'),
            'traceId' => bin2hex(random_bytes(16)),
        ] + $this->extra;
        return response()->json($body, $this->status, $this->headers)
            ->header('Content-Type', 'application/problem+json');
    }
}
