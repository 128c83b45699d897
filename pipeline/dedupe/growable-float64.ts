/** An append-only Float64Array that doubles when full; avoids millions of boxed numbers. */
export class GrowableFloat64 {
  private buffer: Float64Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Float64Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const next = new Float64Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.length++] = value;
  }

  /** A view of the filled part (shares memory; valid until the next push). */
  view(): Float64Array {
    return this.buffer.subarray(0, this.length);
  }
}
