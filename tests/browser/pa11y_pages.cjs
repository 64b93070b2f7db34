// pa11y's HTML_CodeSniffer checks (WCAG2AA, errors only), for the demo site's page survey
// (tests/browser/checkers.py).
//
//   node tests/browser/pa11y_pages.cjs URL...   runs pa11y itself (its Node API, one chromium for every URL,
//                                             /usr/bin/chromium through puppeteer, four pages at a time) on
//                                             pages any visitor reaches with a plain GET, and prints
//                                             {url: [issue]} as JSON;
//   node tests/browser/pa11y_pages.cjs --in-page  prints {script, options}: the very script pa11y evaluates
//                                             in a page (its runner, HTML_CodeSniffer and the htmlcs runner,
//                                             assembled as pa11y's loadRunnerScript does) and the options it
//                                             passes to window.__pa11y.run, so that the survey applies the
//                                             same checks and filtering to the pages pa11y cannot reach simply
//                                             (logged-in pages, forms in their error states).
'use strict';

const fs = require('fs');
const path = require('path');
const pa11y = require('pa11y');
const puppeteer = require('puppeteer');

const pa11yDir = path.dirname(require.resolve('pa11y'));
const PA11Y_VERSION = require('pa11y/package.json').version;
// pa11y's defaults, spelled out: WCAG 2 AA, HTML_CodeSniffer, notices and warnings left out (errors only).
const OPTIONS = {standard: 'WCAG2AA', runners: ['htmlcs'], ignore: ['notice', 'warning'], rules: [],
	hideElements: null, rootElement: null, levelCapWhenNeedsReview: null, wait: 0};
const PAGES_AT_ONCE = 4;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync'];

function inPageScript() {
	const runner = require(path.join(pa11yDir, 'runners', 'htmlcs'));
	const bundle = runner.scripts.map(script => fs.readFileSync(script, 'utf-8')).join('\n\n');
	return [
		fs.readFileSync(path.join(pa11yDir, 'runner.js'), 'utf-8'),
		`;${bundle};`,
		`;window.__pa11y.runners["htmlcs"] = ${runner.run.toString()};`
	].join('\n');
}

async function checkUrls(urls) {
	const browser = await puppeteer.launch({executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
		args: CHROMIUM_ARGS});
	const results = {};
	const waiting = [...urls];
	// A few pages at a time: pa11y waits for the network to be idle for half a second on each page, time that the
	// other pages' checks use.
	async function checkTheNext() {
		for (let url = waiting.shift(); url !== undefined; url = waiting.shift()) {
			const page = await browser.newPage();
			try {
				const result = await pa11y(url, {...OPTIONS, browser, page, ignore: [...OPTIONS.ignore],
					timeout: 60000});
				results[url] = result.issues.map(({code, message, selector, context}) => ({code, message,
					selector, context}));
			} finally {
				await page.close();
			}
		}
	}
	try {
		await Promise.all(Array.from({length: Math.min(PAGES_AT_ONCE, urls.length)}, checkTheNext));
	} finally {
		await browser.close();
	}
	return results;
}

async function main(args) {
	if (args[0] === '--in-page') {
		process.stdout.write(JSON.stringify({script: inPageScript(),
			options: {...OPTIONS, pa11yVersion: PA11Y_VERSION}}));
		return;
	}
	process.stdout.write(JSON.stringify(await checkUrls(args)));
}

main(process.argv.slice(2)).catch(error => {
	console.error(error);
	process.exit(1);
});
