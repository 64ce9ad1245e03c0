<?php

namespace App\Http\Controllers;

use App\Models\Seat;
use App\Models\Venue;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class VenueController extends Controller
{
    public function store(Request $request): JsonResponse
    {
        $input = $request->validate([
            'name' => ['required', 'string', 'max:200'],
            'city' => ['required', 'string', 'max:100'],
            'country' => ['required', 'regex:/^[A-Z]{2}$/'],
            'timezone' => ['required', 'string'],
        ]);
        $venue = DB::transaction(function () use ($input) {
            $venue = Venue::create($input + ['capacity' => 10]);
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
        return response()->json($venue->toApi(), 201)
            ->header('Location', "/v1/venues/{$venue->id}");
    }
}
