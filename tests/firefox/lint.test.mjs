// dist/firefox as addons.mozilla.org would take it: `web-ext lint` (Mozilla's
// addons-linter) finds no error, and the manifest carries what Firefox needs:
// module background scripts, a gecko id, data collection declared as none,
// and a minimum version that has the CSS Custom Highlight API (Firefox 140).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import webExt from 'web-ext';
import { DIST, ROOT } from './lib/firefox.mjs';

const HIGHLIGHT_API_SINCE = 140;

describe('dist/firefox', () => {
  const manifestPath = join(DIST, 'manifest.json');

  it('is built', () => {
    assert.ok(existsSync(manifestPath), `${DIST} is missing: run \`cargo xtask build\` in ${ROOT} first`);
  });

  it('has background scripts, a gecko id, no data collection and a Highlight API minimum', () => {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    assert.equal(m.manifest_version, 3);
    assert.deepEqual(m.background, { scripts: ['background.js'], type: 'module' }, 'Firefox runs background scripts, not a service worker');
    const gecko = m.browser_specific_settings?.gecko ?? {};
    assert.match(gecko.id ?? '', /^[\w.-]+@[\w.-]+$/, 'an email-style add-on id');
    assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
    const min = Number.parseFloat(gecko.strict_min_version);
    assert.ok(min >= HIGHLIGHT_API_SINCE, `strict_min_version ${gecko.strict_min_version} must be at least ${HIGHLIGHT_API_SINCE}.0`);
    for (const file of ['background.js', ...m.content_scripts.flatMap((c) => [...c.js, ...(c.css ?? [])]), m.action.default_popup, m.options_ui.page]) {
      assert.ok(existsSync(join(DIST, file)), `${file} named in the manifest exists`);
    }
  });

  it('passes web-ext lint with no errors', async (t) => {
    const result = await webExt.cmd.lint({ sourceDir: DIST, output: 'none', boring: true }, { shouldExitProgram: false });
    for (const w of result.warnings) t.diagnostic(`warning ${w.code} (${w.file ?? ''}): ${w.description ?? w.message}`);
    const errors = result.errors.map((e) => `${e.code} (${e.file ?? ''}): ${e.description ?? e.message}`);
    assert.deepEqual(errors, []);
    assert.equal(result.summary.errors, 0);
  });
});
