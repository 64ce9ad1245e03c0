<?php

namespace App\Http\Resources;

use Illuminate\Http\Request;
use Illuminate\Http\Resources\Json\JsonResource;

// The contract's JSON for a venue: camelCase, RFC 3339 in UTC with a Z.
// AppServiceProvider::boot() calls JsonResource::withoutWrapping().
class VenueResource extends JsonResource
{
    /** @return array<string, mixed> */
    public function toArray(Request $request): array
    {
        return [
            'id' => $this->id,
            'name' => $this->name,
            'city' => $this->city,
            'country' => $this->country,
            'timezone' => $this->timezone,
            'capacity' => $this->capacity,
            'createdAt' => $this->created_at->toIso8601ZuluString(),
        ];
    }
}
