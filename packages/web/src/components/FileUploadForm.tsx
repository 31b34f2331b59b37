/**
 * @module components/FileUploadForm
 * The form a file is sent to the server with, the same on the batch, ownership and network pages: a
 * labelled file input inside a zone a file can also be dropped on, a hint on the format, the chosen file's
 * name and size, the server's refusal in its own words, and one submit button that says while it waits.
 *
 * @example
 * <FileUploadForm
 *   inputId="ownership-file"
 *   label="Ownership file"
 *   accept=".csv,.json"
 *   hint={<>A CSV with the header <code>owner,owned,share</code>.</>}
 *   submitLabel="Load file"
 *   busyLabel="Loading…"
 *   failureTitle="The file was not loaded:"
 *   upload={async (file) => onLoaded(await uploadOwnershipFile(file, file.name))}
 * />
 */
import { useRef, useState, type DragEvent, type FormEvent, type ReactNode } from 'react';
import { count } from '../text/format';
import { useSubmission } from '../use-submission';
import { ErrorNotice } from './ErrorNotice';

export interface FileUploadFormProps {
  /** The file input's id; the hint is `${inputId}-hint` and describes the input. */
  inputId: string;
  label: string;
  /** The input's `accept`: what the file chooser offers (a dropped file is sent as it is; the server judges it). */
  accept: string;
  /** The format the server reads, shown under the input. */
  hint: ReactNode;
  submitLabel: string;
  /** The button's words while the file is sent. */
  busyLabel: string;
  /** Put before the server's message when it refuses the file. */
  failureTitle: string;
  /** Sends the file and hands the answer to the page; a rejection is shown as the refusal. */
  upload: (file: File) => Promise<void>;
  /**
   * Leave the file chosen once it is sent, to send it again. A ranking is kept nowhere, so the network page
   * keeps its file; pages that store what they were sent clear the field for the next file.
   */
  keepFileAfterUpload?: boolean;
}

export function FileUploadForm({
  inputId,
  label,
  accept,
  hint,
  submitLabel,
  busyLabel,
  failureTitle,
  upload,
  keepFileAfterUpload = false,
}: FileUploadFormProps) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const { busy, error, setError, submitting } = useSubmission();

  // A new file makes the last refusal stale: it was about the other file.
  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    setError(undefined);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    await submitting(async () => {
      await upload(file);
      if (!keepFileAfterUpload) {
        setFile(undefined);
        if (input.current) input.current.value = '';
      }
    });
  };

  return (
    <form className="form" onSubmit={submit}>
      <div
        className={`drop-zone${dragging ? ' drop-zone--over' : ''}`}
        onDragOver={(e) => {
          // Without preventDefault the browser opens a dropped file itself instead of firing drop here.
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept={accept}
          aria-describedby={`${inputId}-hint`}
          onChange={(e) => choose(e.target.files?.[0])}
        />
        <p className="hint" id={`${inputId}-hint`}>
          {hint}
        </p>
        {file && (
          <p className="drop-zone__file">
            Chosen: <strong>{file.name}</strong> <span className="muted">({count(file.size)} bytes)</span>
          </p>
        )}
      </div>
      <ErrorNotice error={error} title={failureTitle} />
      <div className="actions">
        <button type="submit" className="button" disabled={!file || busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
