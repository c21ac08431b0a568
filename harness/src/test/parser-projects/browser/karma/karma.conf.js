// The shape of preactjs/preact's karma.conf.js (before it moved to Vitest): a Chrome launcher without sandbox
// (containers), Mocha with karma-mocha-reporter, and `--grep=<file pattern>` choosing the test files, as
// SWE-bench's test command `karma start karma.conf.js --single-run --grep=test/x.test.js` uses it.
module.exports = function (config) {
	config.set({
		browsers: ['ChromeNoSandboxHeadless'],
		customLaunchers: {
			ChromeNoSandboxHeadless: {
				base: 'ChromeHeadless',
				flags: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
			}
		},
		frameworks: ['mocha'],
		reporters: ['mocha'],
		mochaReporter: { showDiff: true },
		browserConsoleLogOptions: { terminal: true },
		files: [
			'node_modules/chai/chai.js',
			{ pattern: config.grep || 'test/**/*.test.js', watched: false }
		]
	});
};
