const { add, div } = require('../src/calc');

describe('calc', () => {
  test('adds two numbers', () => {
    expect(add(2, 3)).toBe(5);
  });

  test('adds wrong on purpose', () => {
    console.log('log line printed from a failing test');
    expect(add(2, 2)).toBe(5);
  });

  describe('div', () => {
    it('divides', () => {
      expect(div(6, 3)).toBe(2);
    });

    it('throws on zero', () => {
      expect(() => div(1, 0)).toThrow(RangeError);
    });

    it('errors with an uncaught exception', () => {
      div(1, 0);
    });

    it.skip('is skipped', () => {});

    it.todo('handles fractions');
  });

  test.each([
    [1, 1, 2],
    [2, 2, 4],
    [3, 3, 7],
  ])('add(%i, %i) = %i', (a, b, expected) => {
    expect(add(a, b)).toBe(expected);
  });
});

test('top level test outside any describe', () => {
  expect(true).toBe(true);
});

describe('same title in two blocks', () => {
  describe('first', () => {
    test('works', () => expect(1).toBe(1));
  });
  describe('second', () => {
    test('works', () => expect(1).toBe(2));
  });
});
