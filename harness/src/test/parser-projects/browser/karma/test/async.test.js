/* global chai */
// karma loads each file as a plain script: the IIFE keeps its names out of the shared global scope
(() => {
const { expect } = chai;

describe('async', () => {
	beforeEach(() => {
		console.warn('a warning from a hook');
	});

	it('resolves', async () => {
		const v = await Promise.resolve(42);
		expect(v).to.equal(42);
	});

	it('rejects on purpose', async () => {
		await Promise.reject(new Error('rejected on purpose'));
	});

	it('is slow', done => {
		setTimeout(done, 120);
	});

	describe('hooks', () => {
		before(() => {
			throw new Error('before hook fails on purpose');
		});

		it('never runs because its hook failed', () => {
			expect(true).to.equal(true);
		});
	});
});
})();
