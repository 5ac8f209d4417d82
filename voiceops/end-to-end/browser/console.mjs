// Drives the simulator's web console in headless Chromium as a user would: types utterances,
// stays silent, switches to an Echo Show, reads what the page shows. Prints one JSON report on
// stdout; voiceops/end-to-end/tests/web_console.rs asserts on it (the exact words depend on the
// fleet that test seeds).
//
// Usage: CHROMIUM=/usr/bin/chromium node console.mjs http://127.0.0.1:PORT/ [screenshot.png]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, screenshot] = process.argv.slice(2);
if (!url || !process.env.CHROMIUM) {
  console.error('usage: CHROMIUM=/path/to/chromium node console.mjs URL [screenshot.png]');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'console-test-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM,
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const report = { steps: [], pageErrors: [], consoleErrors: [] };
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20000);
  page.on('pageerror', (error) => report.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') report.consoleErrors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  report.title = await page.title();
  report.speechSynthesis = await page.evaluate(() => 'speechSynthesis' in window);

  // The page counts each finished turn in body[data-turns-done] after every update.
  const turnsDone = () => page.evaluate(() => Number(document.body.dataset.turnsDone));
  const text = async (selector) => (await page.locator(selector).innerText()).trim();

  // One turn through the page: type (or press Silence), wait for the answer, read it all.
  async function turn(utterance) {
    const before = await turnsDone();
    if (utterance === '') {
      await page.click('#silence');
    } else {
      await page.fill('#utterance', utterance);
      await page.press('#utterance', 'Enter');
    }
    await page.waitForFunction((n) => Number(document.body.dataset.turnsDone) > n, before);
    const request = await text('#request-json');
    const response = await text('#response-json');
    const parse = (t) => { try { return JSON.parse(t); } catch { return null; } };
    const step = {
      utterance,
      answer: (await page.locator('#chat li.alexa').last().innerText()).trim(),
      status: await text('#status'),
      requestType: parse(request)?.request?.type ?? null,
      sessionNew: parse(request)?.session?.new ?? null,
      supportsApl: Boolean(parse(request)?.context?.System?.device?.supportedInterfaces?.['Alexa.Presentation.APL']),
      directives: (parse(response)?.response?.directives ?? []).map((d) => d.type),
      card: await text('#card'),
      screenVisible: await page.locator('#screen-panel').isVisible(),
      screen: await text('#screen'),
      spoken: await page.evaluate(() => window.consoleSpoken.at(-1) ?? null),
    };
    report.steps.push(step);
    return step;
  }

  await turn('open voice ops');
  await turn('how many instances are running');
  await turn('open voice ops');
  await turn('order me a pizza');
  await turn('');
  await turn('stop');
  await turn('what databases do I have');

  // The JSON panel follows the selected turn: the first answer shows the launch.
  await page.locator('#chat li.alexa').first().click();
  report.firstTurnRequest = JSON.parse(await text('#request-json')).request.type;

  await page.selectOption('#device', 'echo-show');
  await page.waitForSelector('#screen-panel:not([hidden])');
  await turn('ask voice ops how many instances are running');
  if (screenshot) await page.locator('#screen').screenshot({ path: screenshot });
  await turn('ask voice ops what databases do I have');
  report.screenRows = await page.locator('#screen .apl-frame').count();
  report.unsupported = await page.locator('#screen .apl-unsupported, #screen .apl-error').count();

  // The status report on the first screen: which rows are wholly inside the device's screen,
  // and whether the headline lost any of its text.
  await turn('ask voice ops to give me a status report');
  report.firstScreen = await page.evaluate(() => {
    const screen = document.querySelector('#screen .screen-frame').getBoundingClientRect();
    const inside = (r) => r.top >= screen.top - 1 && r.bottom <= screen.bottom + 1;
    const rows = [...document.querySelectorAll('#screen .apl-frame')]
      .filter((row) => inside(row.getBoundingClientRect()))
      .map((row) => row.innerText.trim().replace(/\s+/g, ' '));
    const headline = document.querySelector('#screen [data-apl-id="headline"]');
    return {
      rows,
      headlineClipped: headline.scrollHeight > headline.clientHeight + 1,
      headlineVisible: inside(headline.getBoundingClientRect()),
    };
  });
} catch (error) {
  report.failure = error.message;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(report, null, 2));
process.exit(report.failure ? 1 : 0);
