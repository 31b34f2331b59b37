/**
 * @module use-submission
 * Sends what a form asks for: busy while the request runs (so its button can say so and not be pressed
 * twice), and its failure kept for the form to show in the server's words, cleared when the form tries
 * again. The counterpart of use-resource, which loads what a page shows.
 * @example
 * const { busy, error, submitting } = useSubmission();
 * const onSubmit = (e: FormEvent) => { e.preventDefault(); void submitting(() => save(form)); };
 */
import { useState } from 'react';

export interface Submission {
  busy: boolean;
  error: unknown;
  /** For a refusal the form decides itself (a blank field), or to clear a stale one (another file chosen). */
  setError: (error: unknown) => void;
  /** Runs `send`; a rejection becomes `error`, never thrown further. */
  submitting: (send: () => Promise<void>) => Promise<void>;
}

export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submitting = async (send: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await send();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submitting };
}
