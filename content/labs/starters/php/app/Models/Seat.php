<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Concerns\HasUuids;
use Illuminate\Database\Eloquent\Model;

class Seat extends Model
{
    use HasUuids;

    public $timestamps = false;

    protected $fillable = ['venue_id', 'label', 'section', 'row', 'number'];
}
