// The comparison skill on Amazon's ASK SDK for Node.js (ask-sdk-core), the same skill as
// measurements/src/bin/peer_skill.rs and ../python/skill.py.
//
//   node skill.js once FILE          answer one request and exit (cold start)
//   node skill.js bench N FILE...    answer each request N times in process, print nanoseconds
//
// Both modes run the whole path a Lambda host runs: JSON.parse of the bytes, the SDK's
// invoke (skill-ID check, routing, the handler), JSON.stringify of the response.
'use strict';
const Alexa = require('ask-sdk-core');
const fs = require('fs');

const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';

const Launch = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) => input.responseBuilder
    .speak('Welcome to the coffee shop. What would you like?')
    .reprompt('What would you like?')
    .getResponse(),
};

/** The resolved name of a slot, when entity resolution matched. */
function resolvedName(slot) {
  const authorities = (slot && slot.resolutions && slot.resolutions.resolutionsPerAuthority) || [];
  for (const authority of authorities) {
    if (authority.status && authority.status.code === 'ER_SUCCESS_MATCH' && authority.values.length) {
      return authority.values[0].value.name;
    }
  }
  return slot && slot.value;
}

const Order = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'IntentRequest'
    && Alexa.getIntentName(input.requestEnvelope) === 'OrderIntent',
  handle: (input) => {
    const drink = resolvedName(Alexa.getSlot(input.requestEnvelope, 'drink'));
    if (!drink) {
      return input.responseBuilder.speak('What would you like?').reprompt('What would you like?').getResponse();
    }
    const session = input.attributesManager.getSessionAttributes();
    session.orders = (session.orders || 0) + 1;
    input.attributesManager.setSessionAttributes(session);
    return input.responseBuilder
      .speak(`One ${drink} coming up. That's ${session.orders} orders.`)
      .reprompt('Anything else?')
      .getResponse();
  },
};

const Help = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'IntentRequest'
    && Alexa.getIntentName(input.requestEnvelope) === 'AMAZON.HelpIntent',
  handle: (input) => input.responseBuilder
    .speak('You can order a latte or a flat white. What would you like?')
    .reprompt('What would you like?')
    .getResponse(),
};

const Goodbye = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'IntentRequest'
    && ['AMAZON.StopIntent', 'AMAZON.CancelIntent'].includes(Alexa.getIntentName(input.requestEnvelope)),
  handle: (input) => input.responseBuilder.speak('Goodbye.').withShouldEndSession(true).getResponse(),
};

const Ended = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle: (input) => input.responseBuilder.getResponse(),
};

const Fallback = {
  canHandle: () => true,
  handle: (input) => input.responseBuilder.speak("Sorry, I didn't get that.").reprompt('What would you like?').getResponse(),
};

const skill = Alexa.SkillBuilders.custom()
  .withSkillId(SKILL_ID)
  .addRequestHandlers(Launch, Order, Help, Goodbye, Ended, Fallback)
  .create();

async function answer(bytes) {
  const response = await skill.invoke(JSON.parse(bytes), {});
  return JSON.stringify(response);
}

async function main() {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === 'once' && rest.length === 1) {
    process.stdout.write(`${await answer(fs.readFileSync(rest[0]))}\n`);
    return;
  }
  if (mode === 'bench' && rest.length >= 2) {
    const n = Number(rest[0]);
    for (const file of rest.slice(1)) {
      const bytes = fs.readFileSync(file);
      const times = [];
      for (let i = 0; i < n; i += 1) {
        const start = process.hrtime.bigint();
        await answer(bytes);
        times.push(process.hrtime.bigint() - start);
      }
      process.stdout.write(`${file} ${times.join(' ')}\n`);
    }
    return;
  }
  process.stderr.write('usage: skill.js once FILE | skill.js bench N FILE...\n');
  process.exit(2);
}

main().catch((err) => { process.stderr.write(`${err.stack}\n`); process.exit(1); });
