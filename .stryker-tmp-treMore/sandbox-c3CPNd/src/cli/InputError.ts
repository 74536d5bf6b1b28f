// An expected error caused by the user's input; the CLI prints its message as one line and exits 2.
export class InputError extends Error {
  override readonly name = 'InputError';
}
