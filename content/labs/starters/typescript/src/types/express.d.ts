// Set by requireAuth (src/auth/require-auth.ts); read it only on routes
// behind requireAuth.
declare global {
  namespace Express {
    interface Request {
      auth: { sub: string; roles: string[]; scopes: string[] };
    }
  }
}

export {};
