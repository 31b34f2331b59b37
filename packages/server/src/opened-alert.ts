/**
 * @module opened-alert
 * An alert as it opens: a fresh id, open, created and updated now. Screenings of customers, payments'
 * hits and shipments' listed names open alerts alike; what differs is what they matched and where.
 */
import type { AlertRecord } from '@embargo/store';
import type { AppDeps } from './deps.js';

export type AlertOpening = Omit<AlertRecord, 'id' | 'createdAt' | 'updatedAt' | 'status' | 'caseId'>;

export function openedAlert(deps: Pick<AppDeps, 'newId'>, now: string, opening: AlertOpening): AlertRecord {
  return { id: deps.newId(), createdAt: now, updatedAt: now, status: 'open', ...opening };
}
