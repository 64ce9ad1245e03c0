<?php

namespace App\Providers;

use App\Models\Customer;
use Firebase\JWT\JWT;
use Firebase\JWT\Key;
use Illuminate\Http\Request;
use Illuminate\Http\Resources\Json\JsonResource;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Gate;
use Illuminate\Support\ServiceProvider;
use Illuminate\Support\Str;
use Throwable;

class AppServiceProvider extends ServiceProvider
{
    public function boot(): void
    {
        JsonResource::withoutWrapping();

        // Staff-only routes: ->middleware(['auth:jwt', 'can:manage-shows'])
        Gate::define('manage-shows', fn (Customer $customer) =>
            array_intersect($customer->roles ?? [], ['staff', 'admin']) !== []);

        // The "jwt" guard (module 3), here with the lab's HS256 key; Encore
        // itself verifies ES256 access tokens from its JWKS.
        config(['auth.guards.jwt' => ['driver' => 'jwt']]);
        Auth::viaRequest('jwt', function (Request $request): ?Customer {
            $token = $request->bearerToken();
            if ($token === null) {
                return null; // auth:jwt then answers 401
            }
            JWT::$leeway = 30;
            try {
                // The Key pins HS256: "none" and algorithm swaps are
                // refused. decode() checks the signature, exp, nbf, iat.
                $secret = env('ENCORE_JWT_SECRET',
                    'encore-labs-local-only-hs256-key-0f3c9a7e51d2');
                $claims = JWT::decode($token, new Key($secret, 'HS256'));
            } catch (Throwable) {
                return null;
            }
            // Issuer, audience and the shape of sub are ours to check.
            if (($claims->iss ?? null) !== 'https://api.encore.example'
                || ! in_array('encore-api', (array) ($claims->aud ?? []),
                    true)
                || ! Str::isUuid($claims->sub ?? null)) {
                return null;
            }

            // The tutor's customers are not rows of your database: a valid
            // lab token stands for the customer it names.
            return Customer::find($claims->sub)
                ?? (new Customer())->forceFill([
                    'id' => $claims->sub,
                    'roles' => (array) ($claims->roles ?? []),
                ]);
        });
    }
}
