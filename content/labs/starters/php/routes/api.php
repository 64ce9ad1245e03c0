<?php

use App\Http\Controllers\ShowController;
use App\Http\Controllers\VenueController;
use Illuminate\Support\Facades\Route;

// Served under /v1 (apiPrefix in bootstrap/app.php): '/venues' is
// /v1/venues.
Route::post('/venues', [VenueController::class, 'store'])
    ->middleware(['auth:jwt', 'can:manage-shows']);
Route::get('/venues/{venueId}', [VenueController::class, 'show']);

// Lab 01: `api-architect lab start shows`.
Route::get('/shows', [ShowController::class, 'index']);
Route::get('/shows/{showId}', [ShowController::class, 'show']);
Route::post('/shows', [ShowController::class, 'store'])
    ->middleware(['auth:jwt', 'can:manage-shows']);
Route::patch('/shows/{showId}', [ShowController::class, 'update'])
    ->middleware(['auth:jwt', 'can:manage-shows']);
