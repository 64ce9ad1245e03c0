<?php

namespace App\Providers;

use Firebase\JWT\JWT;
use Firebase\JWT\Key;
use Illuminate\Auth\GenericUser;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Gate;
use Illuminate\Support\ServiceProvider;
use Throwable;

class AppServiceProvider extends ServiceProvider
{
    public function boot(): void
    {
        // The `jwt` guard: a valid lab token is the caller.
        Auth::viaRequest('jwt', function (Request $request) {
            $token = $request->bearerToken();
            if (! $token) {
                return null;
            }
            try {
                $secret = env('ENCORE_JWT_SECRET',
                    'encore-labs-local-only-hs256-key-0f3c9a7e51d2');
                $key = new Key($secret, 'HS256');
                $claims = JWT::decode($token, $key);
            } catch (Throwable) {
                return null;
            }
            if (($claims->aud ?? null) !== 'encore-api'
                || ($claims->iss ?? null) !== 'https://api.encore.example') {
                return null;
            }
            return new GenericUser([
                'id' => $claims->sub,
                'roles' => (array) ($claims->roles ?? []),
            ]);
        });
        config(['auth.guards.jwt' => ['driver' => 'jwt']]);

        Gate::define('staff', fn ($user) => (bool) array_intersect(
            $user->roles, ['staff', 'admin']));
    }
}
