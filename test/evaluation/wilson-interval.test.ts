import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../pipeline/evaluation/wilson-interval.ts';

describe('wilsonInterval', () => {
  it('matches published 95% Wilson intervals', () => {
    const check = (k: number, n: number, low: number, high: number) => {
      const interval = wilsonInterval(k, n)!;
      expect(interval.low).toBeCloseTo(low, 4);
      expect(interval.high).toBeCloseTo(high, 4);
    };
    check(5, 10, 0.2366, 0.7634);
    check(0, 10, 0, 0.2775);
    check(10, 10, 0.7225, 1);
    check(1, 3, 0.0615, 0.7923);
  });

  it('has no interval for no trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
