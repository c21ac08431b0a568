/* global chai */
// karma loads each file as a plain script: the IIFE keeps its names out of the shared global scope
(() => {
const { expect } = chai;

const add = (a, b) => a + b;
const div = (a, b) => {
	if (b === 0) throw new RangeError('division by zero');
	return a / b;
};

describe('calc', () => {
	it('adds two numbers', () => {
		expect(add(1, 2)).to.equal(3);
	});

	it('adds wrong on purpose', () => {
		console.log('printed from a failing test');
		expect(add(2, 2)).to.equal(5);
	});

	describe('div()', () => {
		it('divides', () => {
			expect(div(6, 3)).to.equal(2);
		});

		it('throws on zero', () => {
			expect(() => div(1, 0)).to.throw(RangeError);
		});

		describe('with negative numbers', () => {
			it('keeps the sign', () => {
				expect(div(-6, 3)).to.equal(-2);
			});

			it('rounds on purpose', () => {
				expect(div(-7, 2)).to.equal(-3);
			});
		});

		it.skip('is skipped', () => {
			expect(div(1, 1)).to.equal(1);
		});

		it('is pending without a body');
	});

	// the same test title in two sibling suites: only the suite tells them apart
	describe('render()', () => {
		it('should work', () => {
			expect(add(0, 0)).to.equal(0);
		});
	});

	describe('hydrate()', () => {
		it('should work', () => {
			expect(add(0, 1)).to.equal(0);
		});
	});

	// the same title twice in one suite: karma-mocha-reporter prints the second with a trailing space
	it('repeats a title', () => {
		expect(add(1, 1)).to.equal(2);
	});

	it('repeats a title', () => {
		expect(add(1, 1)).to.equal(3);
	});

	it('runs after the nested suites', () => {
		expect(add(-1, 1)).to.equal(0);
	});
});

describe('strings [with brackets] > and arrows', () => {
	it('handles "quotes" and (parens)', () => {
		expect('a' + 'b').to.equal('ab');
	});
});
})();
