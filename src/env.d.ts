/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in account (src/middleware.ts resolves the cm_session cookie), or null for anonymous requests. */
    user: import('./server/auth/accounts').AuthUser | null;
  }
}
