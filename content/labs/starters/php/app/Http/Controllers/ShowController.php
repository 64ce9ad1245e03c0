<?php

namespace App\Http\Controllers;

use App\Exceptions\ProblemException;
use Illuminate\Http\Request;

// Lab 01 is yours to write: `api-architect lab start shows`. Until then
// every route answers 501 as problem details.
class ShowController extends Controller
{
    private function yours(Request $request): never
    {
        throw new ProblemException(501, 'not-implemented',
            "{$request->method()} /{$request->path()} is yours to write.");
    }

    public function index(Request $request) { $this->yours($request); }

    public function show(Request $request) { $this->yours($request); }

    public function store(Request $request) { $this->yours($request); }

    public function update(Request $request) { $this->yours($request); }
}
