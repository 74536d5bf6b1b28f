// Writes to standard output or error, and stops quietly when the reader goes away
// (`trecheck explore ... | head -1`): a closed pipe (EPIPE) ends what is printed, not the run.
import type { Writable } from 'node:stream';

/** A writer for `stream` that drops its text once the pipe is closed; any other stream error stays fatal. */
export function pipeSafeWriter(stream: Writable): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // After EPIPE node destroys the stream; a write already under way may then report it destroyed.
    if (error.code === 'EPIPE' || (closed && error.code === 'ERR_STREAM_DESTROYED')) {
      closed = true;
      return;
    }
    throw error;
  });
  return (text) => {
    if (!closed && !stream.destroyed) stream.write(text);
  };
}
