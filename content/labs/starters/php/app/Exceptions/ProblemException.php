<?php

namespace App\Exceptions;

use Symfony\Component\HttpKernel\Exception\HttpException;

// An error that already knows its problem (409 seat-unavailable, 412
// precondition-failed, ...); bootstrap/app.php renders it:
//   throw new ProblemException(409, 'seat-unavailable',
//       'Seat B-14 was taken.',
//       extensions: ['unavailableSeatIds' => [$seatId]]);
final class ProblemException extends HttpException
{
    public function __construct(
        int $status,
        public readonly string $slug,
        string $detail,
        array $headers = [],
        public readonly array $extensions = [],
    ) {
        parent::__construct($status, $detail, null, $headers);
    }
}
