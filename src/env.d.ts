/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in account (src/middleware.ts resolves the cm_session cookie), or null for anonymous requests. */
    user: import('./server/auth/accounts').AuthUser | null;
    /** Set when a form's write was refused because DATA_DIR is full or read-only (src/actions/storage-guard.ts): the layout says so. */
    storageProblem?: import('./server/db/storage-errors').StorageProblem;
  }
}
