import { describe, test, expect } from 'vitest';

describe('other file', () => {
  test('passes', () => {
    expect('a').toBe('a');
  });
});
