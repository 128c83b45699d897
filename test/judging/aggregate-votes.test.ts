import { describe, expect, it } from 'vitest';
import { aggregateVotes, settledLabel } from '../../pipeline/judging/aggregate-votes.ts';

describe('aggregateVotes', () => {
  it('follows the majority rule', () => {
    expect(aggregateVotes(['benign', 'benign', 'benign'], 'majority')).toBe('benign');
    expect(aggregateVotes(['benign', 'controversial', 'benign'], 'majority')).toBe('controversial');
    expect(aggregateVotes(['benign', 'harmful', 'benign'], 'majority')).toBe('controversial');
    expect(aggregateVotes(['harmful', 'harmful', 'benign'], 'majority')).toBe('harmful');
    expect(aggregateVotes(['harmful', 'benign'], 'majority')).toBe('harmful');
  });

  it('settles only when no remaining votes can change the label', () => {
    expect(settledLabel({ votes: ['benign'], total: 3, rule: 'majority' })).toBeNull();
    expect(settledLabel({ votes: ['benign', 'benign'], total: 3, rule: 'majority' })).toBeNull();
    expect(settledLabel({ votes: ['harmful', 'harmful'], total: 3, rule: 'majority' })).toBe('harmful');
    expect(settledLabel({ votes: ['benign', 'benign', 'benign'], total: 5, rule: 'majority' })).toBeNull();
    expect(settledLabel({ votes: ['controversial', 'benign', 'benign'], total: 5, rule: 'majority' })).toBe('controversial');
  });
});
