<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Concerns\HasUuids;
use Illuminate\Database\Eloquent\Model;

class Venue extends Model
{
    use HasUuids; // time-ordered UUID primary keys

    const UPDATED_AT = null;

    protected $fillable = ['name', 'city', 'country', 'timezone', 'capacity'];

    /** The contract's JSON: camelCase, RFC 3339 in UTC. */
    public function toApi(): array
    {
        return [
            'id' => $this->id,
            'name' => $this->name,
            'city' => $this->city,
            'country' => $this->country,
            'timezone' => $this->timezone,
            'capacity' => $this->capacity,
            'createdAt' => $this->created_at->utc()->format('Y-m-d\TH:i:s\Z'),
        ];
    }
}
