/**
 * @module components/ErrorNotice
 * Shows a failed request's message (the server's own words) in an assertive live region, so a screen
 * reader announces it the moment it appears.
 */
import { ApiError } from '../api/client';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (error === undefined || error === null) return null;
  const code = error instanceof ApiError && error.status !== 0 ? error.code : undefined;
  return (
    <div className="notice notice--error" role="alert">
      {title && <strong>{title} </strong>}
      {errorMessage(error)}
      {code && <span className="notice__code"> ({code})</span>}
    </div>
  );
}
