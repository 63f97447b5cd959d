/**
 * Responses written a piece at a time: an async sequence of text becomes a
 * UTF-8 ReadableStream that asks for the next piece only when the client has
 * taken the last one, so a letter of any size never sits in the Worker's
 * memory (128 MB) at once.
 */

/** The text pieces as a byte stream, pulled one at a time; stopping the download stops the reads. */
export function textStream(pieces: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator: AsyncIterator<string> = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done === true) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // The status line is long gone: the client sees a cut-off download; the log says why.
        console.error(JSON.stringify({ event: "stream_failed", error: String(error) }));
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
