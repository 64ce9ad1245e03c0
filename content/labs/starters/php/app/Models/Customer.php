<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Concerns\HasUuids;
use Illuminate\Database\Eloquent\Model;

// The caller: the jwt guard (AppServiceProvider) returns one, so handlers
// read $request->user(). Module 3 adds the password and sign-in.
class Customer extends Model
{
    use HasUuids; // time-ordered UUID primary keys (UUIDv7)

    protected $fillable = ['email', 'name', 'roles'];

    protected function casts(): array
    {
        return ['roles' => 'array']; // ["customer"], ["staff"], ...
    }
}
