/**
 * An export as a pull-based web stream: nothing is read from the store until the consumer asks for a chunk, and
 * each pull reads one batch of records, writes it in the format and hands it on. A slow client therefore holds
 * at most a chunk or two in memory (the consumer's backpressure stops the pulls), and a client that goes away
 * cancels the stream, which stops the store's iteration and releases its snapshot.
 */
import type { ExportContext, ExportFormat, ExportItem } from '../../lib/export/formats';

/** Records written per chunk: big enough to keep the per-chunk cost small, small enough to keep a chunk at ~150 KB. */
export const EXPORT_ROWS_PER_CHUNK = 250;

/**
 * A ReadableStream of the format's bytes for the items, pulled a batch at a time (highWaterMark 1: one chunk may
 * wait in the queue, the next is produced only when it was taken).
 * @example new Response(exportStream(items, CSV_FORMAT, { year: 2012, origin })) // the head, then a batch per read
 */
export function exportStream(items: AsyncIterable<ExportItem>, format: ExportFormat, context: ExportContext, rowsPerChunk = EXPORT_ROWS_PER_CHUNK): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = items[Symbol.asyncIterator]();
  let started = false;
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = started ? '' : format.head(context);
        started = true;
        const batch: ExportItem[] = [];
        let done = false;
        while (batch.length < rowsPerChunk) {
          const next = await iterator.next();
          if (next.done) {
            done = true;
            break;
          }
          batch.push(next.value);
        }
        text += format.batch(batch, context, first);
        if (batch.length) first = false;
        if (done) text += format.tail(context);
        if (text) controller.enqueue(encoder.encode(text));
        if (done) controller.close();
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
