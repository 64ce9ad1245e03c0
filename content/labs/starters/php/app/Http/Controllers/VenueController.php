<?php

namespace App\Http\Controllers;

use App\Exceptions\ProblemException;
use App\Http\Resources\VenueResource;
use App\Models\Seat;
use App\Models\Venue;
use App\Support\Ids;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

// Venues are done: every lab creates one before its checks.
class VenueController extends Controller
{
    public function store(Request $request): JsonResponse
    {
        $input = $request->validate([ // failures become a 422 problem
            'name' => ['required', 'string', 'max:200'],
            'city' => ['required', 'string', 'max:100'],
            'country' => ['required', 'regex:/^[A-Z]{2}$/'],
            'timezone' => ['required', 'string'],
        ]);
        $venue = DB::transaction(function () use ($input) {
            $venue = Venue::create($input + ['capacity' => 10]);
            // A small seat map: rows A and B, seats 1 to 5, in the stalls
            foreach (['A', 'B'] as $row) {
                foreach (range(1, 5) as $number) {
                    Seat::create([
                        'venue_id' => $venue->id, 'label' => "$row-$number",
                        'section' => 'stalls', 'row' => $row,
                        'number' => $number,
                    ]);
                }
            }

            return $venue;
        });

        return (new VenueResource($venue))->response()
            ->setStatusCode(201)
            ->header('Location', "/v1/venues/{$venue->id}");
    }

    public function show(string $venueId): JsonResponse
    {
        Ids::assertUuid('venueId', $venueId); // 400 unless a UUID
        $venue = Venue::find($venueId)
            ?? throw new ProblemException(404, 'not-found',
                'No venue has this id.');

        return (new VenueResource($venue))->response()
            ->header('Cache-Control', 'public, max-age=60');
    }
}
