// @vitest-environment jsdom
/**
 * The upload form shared by the batch, ownership and network pages: the hint describes the input; a
 * refused file stays chosen with the refusal shown until another file is chosen; the button says it is
 * busy while the file is sent; once sent the field is cleared for the next file, unless the page keeps it.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FileUploadForm } from './FileUploadForm';

afterEach(cleanup);

/** A send the test settles by hand, so the busy state can be seen. */
function pendingSends() {
  const sent: { file: File; resolve: () => void; reject: (e: Error) => void }[] = [];
  const upload = (file: File) => new Promise<void>((resolve, reject) => sent.push({ file, resolve, reject }));
  return { sent, upload };
}

function renderForm(upload: (file: File) => Promise<void>, keepFileAfterUpload = false) {
  render(
    <FileUploadForm
      inputId="names-file"
      label="Names file"
      accept=".csv"
      hint={<>A CSV with a header row.</>}
      submitLabel="Send"
      busyLabel="Sending…"
      failureTitle="The file was not sent:"
      upload={upload}
      keepFileAfterUpload={keepFileAfterUpload}
    />,
  );
}

const choose = (name: string) =>
  fireEvent.change(screen.getByLabelText('Names file'), { target: { files: [new File(['name\nKim\n'], name, { type: 'text/csv' })] } });
const chosenLine = () => screen.queryByText(/^Chosen:/)?.textContent ?? null;

describe('FileUploadForm', () => {
  it('describes the input with its hint and sends nothing before a file is chosen', () => {
    renderForm(pendingSends().upload);
    const input = screen.getByLabelText('Names file');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('A CSV with a header row.');
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
  });

  it('keeps a refused file chosen with the refusal, until another file is chosen', async () => {
    const { sent, upload } = pendingSends();
    renderForm(upload);
    choose('names.csv');
    expect(chosenLine()).toBe('Chosen: names.csv (9 bytes)');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('button', { name: 'Sending…' })).toHaveProperty('disabled', true);
    expect(sent.map((s) => s.file.name)).toEqual(['names.csv']);
    sent[0].reject(new Error('line 2: no name'));
    expect((await screen.findByRole('alert')).textContent).toBe('The file was not sent: line 2: no name');
    expect(chosenLine()).toBe('Chosen: names.csv (9 bytes)');
    choose('fixed.csv');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(chosenLine()).toBe('Chosen: fixed.csv (9 bytes)');
  });

  it('clears the field once the file is sent', async () => {
    const { sent, upload } = pendingSends();
    renderForm(upload);
    choose('names.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    sent[0].resolve();
    await waitFor(() => expect(chosenLine()).toBeNull());
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
  });

  it('keeps the file once sent when the page asks, to send it again', async () => {
    const { sent, upload } = pendingSends();
    renderForm(upload, true);
    choose('names.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    sent[0].resolve();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', false));
    expect(chosenLine()).toBe('Chosen: names.csv (9 bytes)');
  });

  it('takes a dropped file as a chosen one', () => {
    renderForm(pendingSends().upload);
    const zone = screen.getByTestId('drop-zone');
    fireEvent.dragOver(zone);
    expect(zone.className).toContain('drop-zone--over');
    fireEvent.drop(zone, { dataTransfer: { files: [new File(['name\n'], 'dropped.csv')] } });
    expect(zone.className).not.toContain('drop-zone--over');
    expect(chosenLine()).toBe('Chosen: dropped.csv (5 bytes)');
  });
});
