<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Concerns\HasUuids;
use Illuminate\Database\Eloquent\Model;

class Venue extends Model
{
    use HasUuids; // time-ordered UUID primary keys (UUIDv7)

    const UPDATED_AT = null;

    protected $fillable = ['name', 'city', 'country', 'timezone', 'capacity'];
}
