// Invite secrets follow the owners: a second owner and the parent's other device open a join request
// made from the first device's invite; a member who is not an owner, or a moved secret, does not.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../shared/crypto/index.js';
import {
  call,
  expectFailure,
  join,
  loginOnNewDevice,
  parentWithMap,
  PROFILE,
  register,
  storeKeyring,
  type Person,
} from './harness.js';

describe('worker: invite secrets for every owner', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('a co-owner and the parent on a fresh device open and approve the request', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const micha = join(parent, store, ownerSlot, 'micha', { role: 'owner' });
    const joke = join(parent, store, ownerSlot, 'joke');
    const mapId = store.mapId;
    // the parent's first device makes the invite; only the sealed copy goes to the server
    const made = call(parent.state, 'newInvite', {
      mapId,
      kind: 'link',
      expiresAt: Date.now() + 1,
    });
    const { sealedSecret, inviteId } = made.request;
    expect(sealedSecret).not.toContain(made.secret);
    const ria = register('ria');
    const sent = call(ria.state, 'joinSeal', {
      secret: made.secret,
      sealedInfo: made.request.sealedInfo,
      profile: { ...PROFILE, name: 'Ria' },
    });

    storeKeyring(parent, call(parent.state, 'sealKeyring', {}));
    const phone = loginOnNewDevice(parent);
    for (const [owner, slotId] of [
      [micha.joiner, micha.slotId],
      [phone, ownerSlot],
    ] as const) {
      store.open(owner, slotId);
      const { secret } = call(owner.state, 'openInviteSecret', { mapId, inviteId, sealedSecret });
      expect(secret).toBe(made.secret);
      const seen = call(owner.state, 'openJoinRequest', {
        mapId,
        secret,
        sealedRequest: sent.sealedRequest,
      });
      expect(seen.profile.name).toBe('Ria');
    }
    // the second owner says yes: an ADD she signs, which every device accepts
    const seen = call(micha.joiner.state, 'openJoinRequest', {
      mapId,
      secret: made.secret,
      sealedRequest: sent.sealedRequest,
    });
    store.approve(
      call(micha.joiner.state, 'approveJoin', {
        mapId,
        inviteId,
        joiner: {
          signPublicKey: seen.signPublicKey,
          boxPublicKey: seen.boxPublicKey,
          profile: seen.profile,
        },
        role: 'informal',
        detail: false,
      }),
    );
    const names = store.open(phone, ownerSlot).membership!.members.map((m) => m.name);
    expect(names).toContain('Ria');

    // a member who is not an owner holds no private key: the secret does not open for her
    store.open(joke.joiner, joke.slotId);
    expectFailure(
      () => call(joke.joiner.state, 'openInviteSecret', { mapId, inviteId, sealedSecret }),
      'decrypt-failure',
    );
  });

  it('refuses a sealed secret the server moved to another invite', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const mapId = store.mapId;
    store.open(parent, ownerSlot);
    const first = call(parent.state, 'newInvite', { mapId, kind: 'link', expiresAt: 1 });
    const second = call(parent.state, 'newInvite', { mapId, kind: 'code', expiresAt: 1 });
    expectFailure(
      () =>
        call(parent.state, 'openInviteSecret', {
          mapId,
          inviteId: second.inviteId,
          sealedSecret: first.request.sealedSecret,
        }),
      'decrypt-failure',
    );
  });

  it("the joiner's first open needs a record the inviting parent signed, whoever answered", () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const mapId = store.mapId;
    const micha = join(parent, store, ownerSlot, 'micha', { role: 'owner' });
    const admit = (inviter: Person, approver: Person, name: string, named = true) => {
      store.open(inviter, inviter === parent ? ownerSlot : micha.slotId);
      store.open(approver, approver === parent ? ownerSlot : micha.slotId);
      const made = call(inviter.state, 'newInvite', { mapId, kind: 'link', expiresAt: 1 });
      const { secret } = made;
      const { sealedInfo, sealedSecret } = made.request;
      const joiner = register(name);
      const sent = call(joiner.state, 'joinSeal', { secret, sealedInfo, profile: PROFILE });
      const opened = call(approver.state, 'openInviteSecret', {
        mapId,
        inviteId: made.inviteId,
        sealedSecret,
      });
      const request = { mapId, secret: opened.secret, sealedRequest: sent.sealedRequest };
      const seen = call(
        approver.state,
        'openJoinRequest',
        named ? { ...request, sealedInfo } : request,
      );
      // the approver's screen shows the code the joiner sees, made with the inviter's key
      if (named) expect(seen.safetyCode).toBe(sent.safetyCode);
      const approval = call(approver.state, 'approveJoin', {
        mapId,
        inviteId: made.inviteId,
        joiner: {
          signPublicKey: seen.signPublicKey,
          boxPublicKey: seen.boxPublicKey,
          profile: seen.profile,
        },
        role: 'professional',
        detail: false,
      });
      store.approve(approval);
      call(joiner.state, 'joinAccept', { secret, sealedInfo, sealedAnswer: approval.sealedAnswer });
      return { joiner, slotId: approval.slotId };
    };
    // Micha's invite, Sanne's yes: Micha signed nothing yet, so the joiner could not anchor the map;
    // Sanne's device does not offer the request, and a device that let it in anyway is refused
    expect(() => admit(micha.joiner, parent, 'kees')).toThrow(/signed nothing/);
    const kees = admit(micha.joiner, parent, 'kees', false);
    expectFailure(() => store.open(kees.joiner, kees.slotId), 'log-invalid');
    // Sanne's invite, Micha's yes: Sanne signed the INIT, so the log is anchored
    const ria = admit(parent, micha.joiner, 'ria');
    expect(ria.joiner.state.session!.keyring.maps[0]!.inviter).toBeDefined();
    expect(store.open(ria.joiner, ria.slotId).pinMoved).toBe(true);
    expect(ria.joiner.state.session!.keyring.maps[0]!.inviter).toBeUndefined();
  });
});
