<?php

use Illuminate\Support\Facades\Route;

// Outside /v1: /health, /ready, /openapi.json, /auth/*, /webhooks/*.

// Liveness: PHP answers. No dependency is checked here.
Route::get('/health', fn () => response()
    ->json(['status' => 'ok'])
    ->header('Cache-Control', 'no-store'));

// Readiness: module 9 adds a database check with a short budget.
Route::get('/ready', fn () => response()
    ->json(['status' => 'ready', 'checks' => ['database' => 'ok']])
    ->header('Cache-Control', 'no-store'));
