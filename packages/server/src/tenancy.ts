/**
 * @module tenancy
 * Which tenant a request reads and writes. A client key works in one tenant (its own, or the one it was
 * created into); an analyst or admin key or user works in one when created with `--tenant`, else across
 * tenants: it may read any tenant's records and narrow a list with `?tenant=`.
 */
import { EmbargoError } from '@embargo/core';
import { DEFAULT_TENANT, type Store } from '@embargo/store';
import type { Actor } from './auth.js';

/**
 * Tenant names: 1–64 characters, lower-case letters, digits, '.', '_' or '-', starting with a letter or
 * digit (a client key's own tenant is its 16-hex-digit id).
 */
export const TENANT_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** The name, checked; `INVALID_INPUT` naming `field` and the value otherwise. */
export function checkTenantName(name: string, field = 'tenant'): string {
  if (!TENANT_PATTERN.test(name))
    throw new EmbargoError(
      'INVALID_INPUT',
      `${field}: "${name}" is not a tenant name (1–64 characters, lower-case letters, digits, ".", "_" or "-", starting with a letter or digit).`,
      { field },
    );
  return name;
}

/**
 * The name, if it is a tenant already: `default`, or the tenant of a key or user (a client key made without
 * `--tenant` makes one, named by its id). A key or user is only ever created into an existing tenant, so a
 * mistyped name is refused instead of quietly starting an empty tenant of its own.
 */
export async function checkTenantExists(store: Store, name: string): Promise<string> {
  checkTenantName(name);
  if (name === DEFAULT_TENANT) return name;
  if ((await store.listApiKeys()).some((k) => k.tenant === name)) return name;
  if ((await store.listUsers()).some((u) => u.tenant === name)) return name;
  throw new EmbargoError(
    'INVALID_INPUT',
    `tenant: there is no tenant "${name}". A client key created without --tenant is a tenant of its own, named by its key id ` +
      `(see embargo keys list); give that id, or "${DEFAULT_TENANT}".`,
    { field: 'tenant' },
  );
}

/**
 * The tenant a request's new records belong to: the actor's, or, for an analyst or admin across tenants,
 * the `default` tenant (where everything stored before tenants is).
 */
export function writeTenant(actor: Actor): string {
  return actor.tenant ?? DEFAULT_TENANT;
}

/**
 * The tenant a request reads: the actor's own (asking for another is 403), or for an actor across tenants
 * the one asked for with `?tenant=`, else null (every tenant).
 */
export function readTenant(actor: Actor, asked?: string): string | null {
  if (actor.tenant !== null) {
    if (asked !== undefined && asked !== actor.tenant)
      throw new EmbargoError('FORBIDDEN', `This credential works in tenant ${actor.tenant} only; it cannot read tenant ${asked}.`);
    return actor.tenant;
  }
  return asked ?? null;
}

/**
 * Refuses a credential of one tenant what spans every tenant (the audit trail names other tenants'
 * screenings, customer keys and jobs).
 */
export function requireAcrossTenants(actor: Actor, what: string): void {
  if (actor.tenant !== null)
    throw new EmbargoError('FORBIDDEN', `${what} covers every tenant; this credential works in tenant ${actor.tenant} only.`);
}
