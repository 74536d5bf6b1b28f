// Lists of moves in one growing array (LocalMoves, InjectionMoves): each a count and then four words a move, appended
// and never moved within the array, so a list's start stays valid when the array is replaced by a larger one.

export class MoveLists {
  words = new Int32Array(1 << 12);
  private used = 0;

  /** Appends the list `moves` (four words a move); gives where it starts in `words`. */
  append(moves: readonly number[]): number {
    const at = this.used;
    if (at + 1 + moves.length > this.words.length) {
      const words = new Int32Array(Math.max(at + 1 + moves.length, this.words.length * 2));
      words.set(this.words);
      this.words = words;
    }
    this.words[at] = moves.length / 4;
    for (let i = 0; i < moves.length; i++) this.words[at + 1 + i] = moves[i]!;
    this.used = at + 1 + moves.length;
    return at;
  }

  get bytes(): number {
    return this.words.byteLength;
  }
}
