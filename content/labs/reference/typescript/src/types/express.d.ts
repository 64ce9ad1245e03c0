// What requireAuth puts on every authenticated request.
import "express-serve-static-core";

declare module "express-serve-static-core" {
  interface Request {
    auth?: { sub: string; roles: string[]; scopes: string[] };
  }
}
