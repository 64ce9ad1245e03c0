<?php

use Illuminate\Support\Facades\Route;

Route::get('/health', fn () => response()
    ->json(['status' => 'ok'])
    ->header('Cache-Control', 'no-store'));

Route::get('/ready', fn () => response()
    ->json(['status' => 'ready', 'checks' => ['database' => 'ok']])
    ->header('Cache-Control', 'no-store'));
