// Pure client logic: the router's paths, including the print pages.
import { describe, expect, it } from 'vitest';
import { parsePath, paths } from '../../../../client/shell/router.js';

describe('router', () => {
  const mapId = 'AAAAAAAAAAAAAAAAAAAAAA';
  it('knows the print pages, and the blank sheet needs no map', () => {
    expect(parsePath(paths.print(mapId, 'map'))).toEqual({ name: 'print', mapId, sheet: 'map' });
    expect(parsePath(paths.print(mapId, 'handout'))).toEqual({
      name: 'print',
      mapId,
      sheet: 'handout',
    });
    expect(parsePath('/print/leeg')).toEqual({ name: 'print-blank' });
    expect(parsePath(`/kaarten/${mapId}/print/iets`)).toEqual({ name: 'not-found' });
    // a moment of the timeline: a stored version number
    expect(parsePath(paths.print(mapId, 'map', 12))).toEqual({
      name: 'print',
      mapId,
      sheet: 'map',
      moment: 12,
    });
    expect(parsePath(`/kaarten/${mapId}/print/kaart/moment/0`)).toEqual({ name: 'not-found' });
    expect(parsePath(`/kaarten/${mapId}/print/kaart/moment/x`)).toEqual({ name: 'not-found' });
    expect(parsePath('/kaarten/%E0%A4%A')).toEqual({ name: 'not-found' });
  });
});

describe('router: recovery and account pages', () => {
  it('knows the recovery and account pages', () => {
    expect(parsePath(paths.recover)).toEqual({ name: 'recover' });
    expect(parsePath(paths.account)).toEqual({ name: 'account' });
    expect(parsePath(paths.accountPassphrase)).toEqual({ name: 'account-passphrase' });
    expect(parsePath(`${paths.accountDelete}/`)).toEqual({ name: 'account-delete' });
    expect(parsePath('/account/iets')).toEqual({ name: 'not-found' });
  });

  it('knows the pages of recovery through a trusted person (decision 0026)', () => {
    expect(parsePath(paths.accountHelpers)).toEqual({ name: 'account-helpers' });
    expect(parsePath(paths.helping)).toEqual({ name: 'helping' });
    expect(parsePath(`${paths.trustedHandover}/`)).toEqual({ name: 'trusted-handover' });
  });
});
