<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::create('customers', function (Blueprint $table) {
            $table->uuid('id')->primary();
            $table->string('email')->unique();
            $table->string('name');
            $table->json('roles'); // ["customer"], ["staff"], ...
            $table->timestamps();
        });
        Schema::create('venues', function (Blueprint $table) {
            $table->uuid('id')->primary();
            $table->string('name', 200);
            $table->string('city', 100);
            $table->string('country', 2);
            $table->string('timezone');
            $table->unsignedInteger('capacity')->default(0);
            $table->timestampTz('created_at');
        });
        Schema::create('seats', function (Blueprint $table) {
            $table->uuid('id')->primary();
            $table->foreignUuid('venue_id')->constrained();
            $table->string('label');
            $table->string('section');
            $table->string('row');
            $table->unsignedInteger('number');
        });
    }

    public function down(): void
    {
        Schema::dropIfExists('seats');
        Schema::dropIfExists('venues');
        Schema::dropIfExists('customers');
    }
};
