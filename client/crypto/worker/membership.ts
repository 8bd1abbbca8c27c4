// Membership handlers of an owner (approve, change, remove with rotation) and of every member (cards).
import {
  admitMember,
  capabilityHash,
  changeMember,
  decryptCard,
  encryptCard,
  fromBase64Url,
  logHeadOf,
  memberRing,
  narrowGrants,
  newCapability,
  newId,
  pinOf,
  rightsOf,
  rotateMap,
  sealJoinAnswer,
  sealKeyRing,
  toBase64Url,
} from '../../../shared/crypto/index.js';
import { encryptMapDocument } from '../../../shared/map/document.js';
import type { CardWire } from '../../membership/types.js';
import { membershipView } from './views.js';
import {
  WorkerFailure,
  baseKeyOf,
  movePin,
  requireLog,
  requireOpen,
  requireSession,
  signer,
  type Handlers,
} from './state.js';

type MembershipOp =
  | 'membership'
  | 'approveJoin'
  | 'updateMember'
  | 'rotate'
  | 'commitRotate'
  | 'sealCard'
  | 'openCards';

export const membershipHandlers: Handlers<MembershipOp> = {
  membership(state, { mapId }) {
    const open = requireOpen(state, mapId);
    return open.log === null ? null : membershipView(open.log, open.slotId);
  },

  approveJoin(state, { mapId, inviteId, joiner, role, detail, until }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    const log = requireLog(open);
    const slotId = newId();
    const capability = newCapability();
    const boxPublicKey = fromBase64Url(joiner.boxPublicKey);
    const { records, member } = admitMember({
      log,
      baseKey: baseKeyOf(open, log),
      signer: signer(current.identity),
      slotId,
      signPublicKey: fromBase64Url(joiner.signPublicKey),
      boxPublicKey,
      role,
      detail,
      profile: joiner.profile,
      ...(until === undefined ? {} : { until }),
    });
    const rights = rightsOf(role);
    const ring = memberRing(mapId, open.ring.epochs, log.epoch, member);
    const answer = sealJoinAnswer(
      { inviteId, mapId, slotId, capability, rights, title: open.title.slice(0, 200) },
      boxPublicKey,
      signer(current.identity),
    );
    return {
      slotId,
      capabilityHash: toBase64Url(capabilityHash(capability)),
      rights,
      keyBundle: toBase64Url(
        sealKeyRing({
          ring,
          slotId,
          recipientBoxPublicKey: boxPublicKey,
          signer: signer(current.identity),
        }),
      ),
      logRecords: records.map(toBase64Url),
      sealedAnswer: toBase64Url(answer),
      ...(until === undefined ? {} : { accessUntil: until }),
    };
  },

  updateMember(state, { mapId, slotId, role, sections, until }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    const log = requireLog(open);
    const changed = changeMember({
      log,
      baseKey: baseKeyOf(open, log),
      signer: signer(current.identity),
      slotId,
      role,
      sections,
      ...(until === undefined ? {} : { until }),
    });
    const after = changed.log.members[slotId]!;
    const ring = memberRing(mapId, open.ring.epochs, changed.log.epoch, after);
    return {
      rights: rightsOf(after.role),
      keyBundle: toBase64Url(
        sealKeyRing({
          ring,
          slotId,
          recipientBoxPublicKey: after.boxPublicKey,
          signer: signer(current.identity),
        }),
      ),
      logRecords: changed.records.map(toBase64Url),
      ...(until === undefined ? {} : { accessUntil: until }),
    };
  },

  rotate(state, { mapId, removeSlotIds, narrow, document, version }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    const log = requireLog(open);
    const narrowed = narrowGrants({
      log,
      baseKey: baseKeyOf(open, log),
      signer: signer(current.identity),
      narrow,
    });
    const rotated = rotateMap({
      log: narrowed.log,
      removeSlotIds,
      ownerRing: open.ring,
      signer: signer(current.identity),
    });
    const body = encryptMapDocument({
      mapId,
      epoch: rotated.epoch,
      version: version + 1,
      doc: document,
      keys: rotated.keys,
      signer: signer(current.identity),
      logHead: logHeadOf(rotated.log),
    });
    // kept until the server's answer, so the screen can show it without fetching and verifying it again
    open.rotation = {
      log: rotated.log,
      epoch: rotated.epoch,
      keys: rotated.keys,
      body,
      version: version + 1,
      document,
    };
    return {
      removeSlotIds,
      logRecords: [...narrowed.records, ...rotated.records].map(toBase64Url),
      baseVersion: version,
      body: toBase64Url(body),
      keyBundles: Object.fromEntries(
        Object.entries(rotated.keyRings).map(([slot, sealed]) => [slot, toBase64Url(sealed)]),
      ),
    };
  },

  commitRotate(state, { mapId, version, headSeq }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    const done = open.rotation;
    // this device signed every record and the version itself; the answer must name exactly those
    if (done === undefined || done.version !== version || done.log.seq !== headSeq) {
      throw new WorkerFailure('unknown-map', 'The server took another change than this one.');
    }
    delete open.rotation;
    open.epoch = done.epoch;
    open.keys = done.keys;
    open.body = done.body;
    open.log = done.log;
    open.ring = { mapId, epochs: { ...open.ring.epochs, [done.epoch]: done.keys } };
    return {
      document: done.document,
      version,
      membership: membershipView(done.log, open.slotId),
      pinMoved: movePin(current, mapId, pinOf(done.log, version, !open.legacyRing)),
    };
  },

  sealCard(state, { mapId, card, cardVersion }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    const log = requireLog(open);
    const body = encryptCard({
      mapId,
      epoch: log.epoch,
      slotId: open.slotId,
      cardVersion,
      card,
      keys: { base: baseKeyOf(open, log) },
      signer: signer(current.identity),
    });
    return { body: toBase64Url(body) };
  },

  openCards(state, { mapId, cards }) {
    const open = requireOpen(state, mapId);
    const log = requireLog(open);
    const result: CardWire[] = [];
    for (const card of cards) {
      try {
        const opened = decryptCard({
          mapId,
          slotId: card.slotId,
          body: fromBase64Url(card.body),
          log,
        });
        result.push({
          slotId: card.slotId,
          cardVersion: opened.cardVersion,
          updatedAt: card.updatedAt,
          card: { ...opened.card },
        });
      } catch {
        // A card that does not verify (another signer, an old epoch) is not shown.
      }
    }
    return result;
  },
};
