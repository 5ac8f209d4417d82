// Records request envelopes as virtual-alexa emits them for VoiceOps' en-US interaction
// model. virtual-alexa is an independent client: its envelopes (no apiEndpoint, no
// deviceId) test that the Rust parser tolerates what real tools send.
//
// Usage: node record.js   (writes ../requests/va-*.json)
"use strict";
const fs = require("fs");
const path = require("path");
const va = require("virtual-alexa");

const MODEL = path.join(__dirname, "../../interaction-model/skill-package/interactionModels/custom/en-US.json");
const OUT = path.join(__dirname, "../requests");
const SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

function alexa(captured, { screen = false, locale = "en-US" } = {}) {
  let turn = 0;
  const handler = (event, _context, callback) => {
    captured.push(event);
    turn += 1;
    callback(null, {
      version: "1.0",
      sessionAttributes: { turn },
      response: { outputSpeech: { type: "PlainText", text: "ok" }, shouldEndSession: false },
    });
  };
  const instance = va.VirtualAlexa.Builder()
    .handler(handler)
    .interactionModelFile(MODEL)
    .applicationID(SKILL_ID)
    .locale(locale)
    .create();
  if (screen) instance.context().device().displaySupported(true);
  return instance;
}

function save(name, event) {
  const file = path.join(OUT, `va-${name}.json`);
  fs.writeFileSync(file, JSON.stringify(event, null, 2) + "\n");
  console.log("wrote", path.relative(process.cwd(), file));
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  // One conversation: launch, then questions within the session.
  const c = [];
  const a = alexa(c);
  await a.launch();
  await a.utter("how many instances are running");
  await a.utter("how many are stopped in frankfurt");
  await a.intend("CountInstancesIntent", { state: "stopped", region: "franfut" });
  await a.utter("what databases do I have in eu west one");
  await a.utter("give me a status report");
  await a.utter("help");
  await a.endSession(va.SessionEndedReason ? va.SessionEndedReason.USER_INITIATED : 2);
  const names = ["launch", "count-running", "count-stopped-frankfurt", "count-region-no-match",
    "list-databases-region-code", "status-report", "help", "session-ended-user"];
  names.forEach((n, i) => save(n, c[i]));

  // A one-shot question: "ask voice ops how many instances do I have" (new session, no state slot).
  const d = [];
  await alexa(d).utter("how many instances do I have");
  save("count-all-one-shot", d[0]);

  // Stop and cancel outside a conversation, and an intent sent by name with a raw slot.
  const e = [];
  const b = alexa(e);
  await b.intend("AMAZON.StopIntent");
  await b.intend("AMAZON.CancelIntent");
  await b.intend("AMAZON.FallbackIntent");
  save("stop", e[0]);
  save("cancel", e[1]);
  save("fallback", e[2]);

  // A screen device, and a British English session.
  const s = [];
  await alexa(s, { screen: true }).launch();
  save("launch-display-device", s[0]);
  const g = [];
  await alexa(g, { locale: "en-GB" }).utter("how many servers are up in london");
  save("count-en-gb", g[0]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
