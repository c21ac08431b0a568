import { describe, it, test, expect } from 'vitest';

const add = (a, b) => a + b;

describe('calc', () => {
  test('adds two numbers', () => {
    expect(add(2, 3)).toBe(5);
  });

  test('adds wrong on purpose', () => {
    console.log('log line printed from a failing test');
    expect(add(2, 2)).toBe(5);
  });

  describe('nested', () => {
    it('passes deep inside', () => {
      expect([1, 2]).toContain(2);
    });

    it('throws an error', () => {
      throw new TypeError('boom');
    });

    it.skip('is skipped', () => {});

    it.todo('is a todo');
  });

  test.each([
    [1, 1, 2],
    [3, 3, 7],
  ])('add(%i, %i) -> %i', (a, b, expected) => {
    expect(add(a, b)).toBe(expected);
  });
});

test('top level test', () => {
  expect(true).toBe(true);
});
