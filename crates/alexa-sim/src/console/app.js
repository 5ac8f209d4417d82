// The console page: sends utterances to the simulator, shows the conversation, the card, the
// Echo Show screen and each turn's JSON, and speaks the answers with the browser's voice.
import { renderApl } from './apl.js';

const $ = (id) => document.getElementById(id);
const turns = [];
let state = null;
// What the page asked the browser to say, newest last (read by the end-to-end test).
window.consoleSpoken = [];

async function call(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function showState(next) {
  state = next;
  document.title = `${state.skill_name} simulator`;
  $('title').textContent = `${state.skill_name} simulator`;
  $('locale').textContent = state.locale;
  $('device').value = state.device;
  $('screen-panel').hidden = state.device !== 'echo-show';
  const status = $('status');
  status.textContent = state.listening ? 'listening' : state.in_session ? 'session open' : 'no session';
  status.dataset.state = state.listening ? 'listening' : state.in_session ? 'open' : 'closed';
  const examples = $('examples');
  examples.replaceChildren();
  const open = `open ${state.invocation_name}`;
  for (const text of [open, ...state.examples.map((e) => e.replace(/\{(\w+)\}/g, '…'))]) {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'example';
    chip.textContent = text;
    chip.addEventListener('click', () => {
      $('utterance').value = text.includes('…') ? text.replace(/…/g, '') : text;
      $('utterance').focus();
    });
    examples.appendChild(chip);
  }
}

function bubble(kind, text, index) {
  const item = document.createElement('li');
  item.className = kind;
  item.textContent = text;
  if (index !== undefined) {
    item.dataset.turn = index;
    item.addEventListener('click', () => select(index));
  }
  $('chat').appendChild(item);
  item.scrollIntoView({ block: 'end' });
  return item;
}

function answerText(turn) {
  if (turn.error) return `(the skill failed: ${turn.error})`;
  if (turn.not_for_skill && !turn.utterance) return '(nothing: no session is listening)';
  if (turn.not_for_skill) return `(that was not for ${state.skill_name}; start with "open ${state.invocation_name}")`;
  if (turn.session_ended) return '(the session ended)';
  if (!turn.request && turn.speech) return turn.speech; // a reprompt after silence
  return turn.speech || '(no speech)';
}

function select(index) {
  const turn = turns[index];
  for (const el of document.querySelectorAll('#chat li.selected')) el.classList.remove('selected');
  for (const el of document.querySelectorAll(`#chat li[data-turn="${index}"]`)) el.classList.add('selected');
  $('request-json').textContent = turn.request ? JSON.stringify(turn.request, null, 2) : '(no request: Alexa did not call the skill)';
  $('response-json').textContent = turn.response ? JSON.stringify(turn.response, null, 2) : '(no response)';
}

function showCard(card) {
  const el = $('card');
  el.replaceChildren();
  const title = document.createElement('h3');
  title.textContent = card.title;
  const text = document.createElement('p');
  text.textContent = card.text;
  el.append(title, text);
  if (card.image) {
    const img = document.createElement('img');
    img.src = card.image;
    img.alt = card.title;
    el.appendChild(img);
  }
}

function showScreen(screen) {
  const host = $('screen');
  // The simulated device's screen, as the simulator describes it in each request.
  const viewport = state.screen;
  if (!viewport) return;
  const rendered = renderApl(screen, viewport);
  const frame = document.createElement('div');
  frame.className = 'screen-frame';
  frame.appendChild(rendered);
  host.replaceChildren(frame);
  frame.style.setProperty('--screen-scale', String(host.clientWidth / viewport.width || 0.4));
}

function speak(text) {
  if (!$('speak').checked || !text) return;
  window.consoleSpoken.push(text);
  if (!('speechSynthesis' in window)) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = state.locale;
  window.speechSynthesis.speak(utterance);
}

// Each turn ends by counting itself in body[data-turns-done], after every update of the
// page, so a reader (the end-to-end test) waits for that mark instead of for any one part.
let turnsDone = 0;

async function take(utterance) {
  try {
    await exchange(utterance);
  } finally {
    turnsDone += 1;
    document.body.dataset.turnsDone = String(turnsDone);
  }
}

async function exchange(utterance) {
  bubble('you', utterance || '(silence)');
  let turn;
  try {
    turn = await call('/api/say', { utterance });
  } catch (error) {
    bubble('note', `The simulator did not answer: ${error.message}`);
    return;
  }
  showState(turn.state);
  const index = turns.push(turn) - 1;
  $('chat').lastElementChild.dataset.turn = index;
  for (const said of turn.progressive || []) bubble('alexa progress', said, index);
  const kind = turn.error ? 'alexa error' : turn.not_for_skill || turn.session_ended ? 'alexa note' : 'alexa';
  bubble(kind, answerText(turn), index);
  if (turn.card) showCard(turn.card);
  if (turn.screen) showScreen(turn.screen);
  select(index);
  if (!turn.error && !turn.not_for_skill && !turn.session_ended) speak(turn.speech);
}

async function start() {
  showState(await call('/api/state'));
  $('say').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('utterance');
    const text = input.value.trim();
    input.value = '';
    await take(text);
    input.focus();
  });
  $('silence').addEventListener('click', () => take(''));
  $('device').addEventListener('change', async (event) => {
    showState(await call('/api/device', { device: event.target.value }));
    bubble('note', `Now an ${event.target.selectedOptions[0].textContent}; the session was left behind.`);
  });
  document.body.dataset.turnsDone = '0';
  document.body.dataset.ready = 'true';
}

start().catch((error) => bubble('note', `The console could not start: ${error.message}`));
