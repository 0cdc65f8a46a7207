/**
 * Bytes arriving in pieces of any size, taken out in frames of a fixed size, without copying
 * everything seen so far on every arrival.
 */
export class ByteQueue {
  private readonly pieces: Buffer[] = [];
  private total = 0;

  get length(): number {
    return this.total;
  }

  push(piece: Buffer): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.total += piece.length;
  }

  /** Removes and returns the first `count` bytes; the caller checks `length` first. */
  take(count: number): Buffer {
    if (count > this.total) throw new RangeError(`Only ${this.total} bytes are queued.`);
    const taken: Buffer[] = [];
    let missing = count;
    while (missing > 0) {
      const head = this.pieces[0]!;
      if (head.length <= missing) {
        taken.push(head);
        this.pieces.shift();
        missing -= head.length;
      } else {
        taken.push(head.subarray(0, missing));
        this.pieces[0] = head.subarray(missing);
        missing = 0;
      }
    }
    this.total -= count;
    return taken.length === 1 ? taken[0]! : Buffer.concat(taken, count);
  }

  /** The first `count` bytes, left in the queue. */
  peek(count: number): Buffer {
    const head = this.take(count);
    this.pieces.unshift(head);
    this.total += count;
    return head;
  }

  takeAll(): Buffer {
    return this.take(this.total);
  }
}
