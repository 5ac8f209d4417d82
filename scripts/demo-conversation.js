// The demo's scripted conversation. virtual-alexa (an independent Alexa client) resolves each
// utterance with the skill's en-US interaction model, and the real `voiceops-skill invoke`
// binary answers every turn. Prints each utterance and Alexa's answer.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");
const root = path.join(__dirname, "..");
const va = require(path.join(root, "tests/fixtures/recorder/node_modules/virtual-alexa"));

const BINARY = process.env.VOICEOPS_BIN;
const MODEL = path.join(root, "interaction-model/skill-package/interactionModels/custom/en-US.json");

function spoken(response) {
  const speech = (response.response || {}).outputSpeech;
  if (!speech) return "(no speech)";
  const text = speech.type === "SSML" ? speech.ssml.replace(/<[^>]+>/g, "") : speech.text;
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

const handler = (event, _context, callback) => {
  const run = spawnSync(BINARY, ["invoke", "-"], { input: JSON.stringify(event), encoding: "utf8" });
  if (run.status !== 0) {
    callback(new Error(`voiceops-skill exited ${run.status}: ${run.stderr}`));
    return;
  }
  callback(null, JSON.parse(run.stdout));
};

const alexa = va.VirtualAlexa.Builder()
  .handler(handler)
  .interactionModelFile(MODEL)
  .applicationID(process.env.SKILL_ID || "amzn1.ask.skill.00000000-0000-0000-0000-000000000000")
  .create();

const turns = [
  ["open voice ops", () => alexa.launch()],
  ["how many instances are running", (u) => alexa.utter(u)],
  ["how many are stopped in frankfurt", (u) => alexa.utter(u)],
  ["how many instances do I have in eu west one", (u) => alexa.utter(u)],
  ["what databases do I have", (u) => alexa.utter(u)],
  ["give me a status report", (u) => alexa.utter(u)],
  // Not a region the model knows: Alexa sends ER_SUCCESS_NO_MATCH, and the skill asks back.
  ["how many are running in franfut", () => alexa.intend("CountInstancesIntent", { state: "running", region: "franfut" })],
  ["help", (u) => alexa.utter(u)],
  ["stop", (u) => alexa.utter(u)],
];

(async () => {
  for (const [utterance, send] of turns) {
    const response = await send(utterance);
    console.log(`You:   ${utterance}`);
    console.log(`Alexa: ${spoken(response)}`);
    const card = (response.response || {}).card;
    if (card) console.log(`       [card: ${card.title}]\n         ${(card.text || card.content || "").split("\n").join("\n         ")}`);
    console.log("");
  }
})().catch((err) => {
  console.error(`demo failed: ${err.message}`);
  process.exit(1);
});
