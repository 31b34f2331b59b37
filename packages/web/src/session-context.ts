/**
 * @module session-context
 * The signed-in user, for the pages that depend on the role (Users is for admins).
 */
import { createContext, useContext } from 'react';
import type { SessionUser } from './api/types';

export const SessionContext = createContext<SessionUser | null>(null);

export function useSessionUser(): SessionUser | null {
  return useContext(SessionContext);
}
