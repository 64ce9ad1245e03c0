<?php

namespace App\Exceptions;

use Illuminate\Validation\ValidationException;

// Query and path parameters, 400 with an item per parameter:
//   throw InvalidParameters::withMessages(['limit' => 'must be 1 to 100']);
final class InvalidParameters extends ValidationException {}
