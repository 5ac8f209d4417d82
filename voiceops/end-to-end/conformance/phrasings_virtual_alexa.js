// Runs a phrasing list (voiceops/recordings/phrasings/*.txt) through virtual-alexa's resolver with
// one locale's model; prints one JSON line per phrasing: what it resolved to, or the error.
// virtual-alexa is an independent resolver: where it understands a phrasing, it must reach
// the same intent as ours (voiceops/end-to-end/tests/phrasings_virtual_alexa.rs compares).
//
// Usage: node phrasings_virtual_alexa.js MODEL.json LOCALE PHRASINGS.txt
"use strict";
const fs = require("fs");
const path = require("path");
const va = require(path.join(__dirname, "../../recordings/recorder/node_modules/virtual-alexa"));

const [model, locale, list] = process.argv.slice(2);

async function main() {
  const lines = fs.readFileSync(list, "utf8").split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"));
  for (const line of lines) {
    const utterance = line.split(" => ")[0];
    let seen = null;
    const alexa = va.VirtualAlexa.Builder()
      .handler((event, _context, callback) => {
        seen = event.request;
        callback(null, { version: "1.0", response: { shouldEndSession: false } });
      })
      .interactionModelFile(model)
      .applicationID("amzn1.ask.skill.phrasings")
      .locale(locale)
      .create();
    // Our phrasings are said inside a session, with no invocation name. virtual-alexa's
    // utter() takes any utterance containing "tell", "ask" or "open" anywhere ("stop telling
    // me") for a launch phrase ("ask voiceops to ..."); Alexa does not, inside a session.
    alexa.parseLaunchRequest = () => undefined;
    try {
      await alexa.utter(utterance);
      const slots = {};
      for (const [name, slot] of Object.entries(seen.intent.slots || {})) {
        if (!slot.value) continue;
        const resolved = slot.resolutions?.resolutionsPerAuthority?.[0]?.values?.[0]?.value?.id;
        slots[name] = resolved ?? null;
      }
      console.log(JSON.stringify({ utterance, intent: seen.intent.name, slots }));
    } catch (error) {
      console.log(JSON.stringify({ utterance, intent: null, error: error.message }));
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
