<?php

namespace App\Support;

use App\Exceptions\InvalidParameters;
use Illuminate\Support\Str;

// A path id that is not a UUID is a 400 naming the parameter, never a 404
final class Ids
{
    public static function assertUuid(string $name, string $value): void
    {
        if (! Str::isUuid($value)) {
            throw InvalidParameters::withMessages([
                $name => 'must be a UUID',
            ]);
        }
    }
}
