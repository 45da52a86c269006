// The wasm core as the background calls it (dist/chrome/core): the context
// object is read field by field (crate/src/wasm.rs), every field reaches the
// core, and a malformed context is refused with a message naming the field.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './lib/browser.mjs';

const core = await import(join(DIST, 'core/postguard.js'));
core.initSync({ module: readFileSync(join(DIST, 'core/postguard_bg.wasm')) });
const categories = (text, context) => [...new Set(core.check(text, context).map((f) => f.category))];

describe('the wasm core reads the context', () => {
  it('the account kind: a beer on a brand account is a wrong-account risk, on a personal one it is not', () => {
    const text = 'Three bottles of prosecco down and the night is young #drunk';
    assert.deepEqual(categories(text, { account: { handle: '@CityZoo', kind: 'brand' } }), ['intoxication', 'wrong-account']);
    assert.deepEqual(categories(text, { account: { handle: '@mira', kind: 'personal' } }), ['intoxication']);
  });

  it('the surface and the reply target', () => {
    const card = core.check('my card 4111 1111 1111 1111', { surface: 'dm' });
    assert.match(card[0].lesson, /direct message/);
    assert.deepEqual(categories('text me later tonight', { reply_to: '@lisa_m' }), ['private-message']);
    assert.deepEqual(categories('text me later tonight', {}), []);
  });

  it('the settings: categories off, sensitivity, watch list, allow list', () => {
    assert.deepEqual(categories('what the fuck', { settings: { disabled_categories: ['profanity'] } }), []);
    assert.deepEqual(categories('project falc0n ships soon', { settings: { watch_list: ['falcon'] } }), ['confidential']);
    assert.deepEqual(categories('what the fuck', { settings: { allow_list: ['what the fuck'] } }), []);
    // A tip (low) is shown when balanced and left out when relaxed.
    assert.deepEqual(categories('Ask us anything! #AskAcme', { settings: { sensitivity: 'balanced' } }), ['open-invitation']);
    assert.deepEqual(categories('Ask us anything! #AskAcme', { settings: { sensitivity: 'relaxed' } }), []);
  });

  it('no context is a public post from an account of unknown kind', () => {
    assert.deepEqual(categories('what the fuck', undefined), categories('what the fuck', {}));
    assert.deepEqual(categories('what the fuck', null), categories('what the fuck', {}));
  });

  it('a malformed context is refused, naming what is wrong', () => {
    for (const [context, message] of [
      [5, /the context must be an object/],
      [{ account: { handle: '@a', kind: 'robot' } }, /kind cannot be "robot"/],
      [{ account: 'me' }, /account must be an object/],
      [{ surface: 'everyone' }, /surface cannot be "everyone"/],
      [{ settings: { watch_list: 'falcon' } }, /watch_list must be a list/],
      [{ settings: { allow_list: [1] } }, /allow_list must hold strings/],
      [{ settings: { disabled_categories: ['nope'] } }, /no category "nope"/],
      [{ site: 7 }, /site must be a string/],
    ]) {
      assert.throws(() => core.check('hello', context), message, JSON.stringify(context));
    }
  });
});
