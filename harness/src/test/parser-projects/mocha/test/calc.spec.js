const assert = require('assert');

const add = (a, b) => a + b;

describe('calc', function () {
  it('adds two numbers', function () {
    assert.strictEqual(add(2, 3), 5);
  });

  it('adds wrong on purpose', function () {
    console.log('log line printed from a failing test');
    assert.strictEqual(add(2, 2), 5);
  });

  describe('nested group', function () {
    it('passes deep inside', function () {
      assert.ok(true);
    });

    it('throws an error', function () {
      throw new TypeError('boom');
    });

    it.skip('is skipped', function () {});

    it('is pending without a body');
  });

  [[1, 1, 2], [3, 3, 7]].forEach(([a, b, want]) => {
    it(`add(${a}, ${b}) = ${want}`, function () {
      assert.strictEqual(add(a, b), want);
    });
  });

  it('is slow', function (done) {
    setTimeout(done, 80);
  });
});

describe('hooks', function () {
  beforeEach(function () {
    throw new Error('setup failed');
  });

  it('never runs because its hook failed', function () {});
  it('also never runs', function () {});
});

it('top level test', function () {});
