// A family's map and its members through the real protocol and API: create the map with its INIT
// record, then for each professional the consent flow — invite, sealed join request, the parent's
// approval (ADD record, slot, key bundle, sealed answer), collecting the answer, and her own card.
import type { CreateMapResponse } from '../../shared/api/maps.js';
import type {
  CollectAnswerResponse,
  InviteChallengeResponse,
  InviteInfoResponse,
  InvitesResponse,
  JoinRequestResponse,
} from '../../shared/api/invites.js';
import type { PutCardResponse } from '../../shared/api/membership.js';
import {
  appendLogEntry,
  capabilityHash,
  createInvite,
  encryptCard,
  logHeadOf,
  fromBase64Url,
  newCapability,
  newId,
  newSectionKeys,
  openInvite,
  openJoinAnswer,
  openJoinRequest,
  safetyCode,
  sealInviteSecret,
  sealJoinAnswer,
  sealJoinRequest,
  sealKeyRing,
  SECTIONS,
  signInviteProof,
  startLog,
  toBase64Url,
  type JoinProfile,
  type LogState,
  type MemberCard,
  type MemberRole,
  type Section,
  type SectionKeys,
  type SlotRights,
} from '../../shared/crypto/index.js';
import { encryptMapDocument, type MapDocument } from '../../shared/map/document.js';
import { addToKeyring, boxOf, signerOf, type DemoAccount } from './accounts.js';
import type { DemoApi } from './api.js';
import { openMap } from './reader.js';

/** Every map starts in epoch 1. */
const EPOCH = 1;

/** The parent's side of a map, as her app keeps it while it is open. */
export interface OwnedMap {
  owner: DemoAccount;
  mapId: string;
  title: string;
  capability: string;
  keys: SectionKeys;
  log: LogState;
}

/** A member's side after joining. */
export interface Membership {
  mapId: string;
  slotId: string;
  capability: string;
}

/**
 * Creates the parent's map in one POST /api/maps: version 1 is the whole document, signed by her,
 * with the INIT record that names her slot as owner; then the map goes into her keyring.
 * The key bundle is a key ring signed by her, as the app makes it.
 */
export async function createFamilyMap(
  api: DemoApi,
  owner: DemoAccount,
  doc: MapDocument,
  ownerName: string,
): Promise<OwnedMap> {
  const mapId = newId();
  const slotId = newId();
  const capability = newCapability();
  const keys = newSectionKeys();
  const { record, log } = startLog({
    mapId,
    epoch: EPOCH,
    baseKey: keys.base,
    creator: {
      slotId,
      signPublicKey: owner.identity.signPublicKey,
      boxPublicKey: owner.identity.boxPublicKey,
      role: 'owner',
      sections: [...SECTIONS],
      profile: { name: ownerName, profession: '', organisation: '' },
    },
    signer: signerOf(owner),
  });
  const body = encryptMapDocument({
    mapId,
    epoch: EPOCH,
    version: 1,
    doc,
    keys,
    signer: signerOf(owner),
    logHead: logHeadOf(log),
  });
  await api.json<CreateMapResponse>('POST', '/maps', {
    body: {
      mapId,
      slotId,
      capabilityHash: toBase64Url(capabilityHash(capability)),
      keyBundle: toBase64Url(
        sealKeyRing({
          ring: { mapId, epochs: { [EPOCH]: keys } },
          slotId,
          recipientBoxPublicKey: owner.identity.boxPublicKey,
          signer: signerOf(owner),
        }),
      ),
      body: toBase64Url(body),
      logRecord: toBase64Url(record),
    },
  });
  const title = doc.base.title;
  const cap = toBase64Url(capability);
  await addToKeyring(api, owner, { mapId, capability: cap, title, addedAt: Date.now() });
  return { owner, mapId, title, capability: cap, keys, log };
}

/** What the parent grants a joining professional. */
export interface Grant {
  role: MemberRole;
  rights: SlotRights;
  sections: Section[];
}

/**
 * One professional joins one map with the parent's consent, exactly as two devices would do it:
 * the parent makes a link invite; the professional opens it and sends a sealed, signed request;
 * both compute the safety code; the parent approves (ADD record, slot, key bundle with only the
 * granted sections, sealed answer); the professional collects the answer with a proof of the
 * invite secret, stores the capability in her keyring and writes her own member card.
 */
export async function joinWithConsent(
  api: DemoApi,
  map: OwnedMap,
  member: DemoAccount,
  profile: JoinProfile,
  grant: Grant,
  card: MemberCard,
): Promise<Membership> {
  // parent: a one-use link invite (the secret travels in the link's #fragment, never to the server)
  const expiresAt = Date.now() + 60 * 60 * 1000;
  const invite = createInvite({
    mapId: map.mapId,
    parentIdentity: { signPublicKey: map.owner.identity.signPublicKey },
    expiresAt,
    kind: 'link',
    greeting: `Welkom op de kaart van ${map.title.replace(/^Kaart van /, '')}`,
  });
  await api.json('POST', `/maps/${map.mapId}/invites`, {
    auth: { capability: map.capability },
    body: {
      inviteId: invite.inviteId,
      verifyPublicKey: toBase64Url(invite.verifyPublicKey),
      boxPublicKey: toBase64Url(invite.boxKeyPair.publicKey),
      sealedInfo: toBase64Url(invite.sealedInviteInfo),
      sealedSecret: toBase64Url(
        sealInviteSecret({
          mapId: map.mapId,
          inviteId: invite.inviteId,
          epoch: EPOCH,
          privateKey: map.keys.private,
          secret: invite.secret,
        }),
      ),
      expiresAt,
    },
  });

  // professional: open the link, send a sealed request signed with her identity key
  const info = await api.json<InviteInfoResponse>('GET', `/invites/${invite.inviteId}`);
  const link = openInvite(invite.secret, fromBase64Url(info.sealedInfo));
  if (link.info.mapId !== map.mapId) throw new Error('the invite names another map');
  const sealedRequest = sealJoinRequest({
    invite: link.keys,
    mapId: link.info.mapId,
    joinerIdentity: {
      signPublicKey: member.identity.signPublicKey,
      signSecretKey: member.identity.signSecretKey,
      boxPublicKey: member.identity.boxPublicKey,
    },
    profile,
  });
  const { requestId } = await api.json<JoinRequestResponse>(
    'POST',
    `/invites/${invite.inviteId}/requests`,
    {
      body: {
        sealedRequest: toBase64Url(sealedRequest),
        signature: toBase64Url(signInviteProof(link.keys, 'join-request', sealedRequest)),
      },
    },
  );

  // parent: open the pending request; both devices show the same safety code
  const invites = await api.json<InvitesResponse>('GET', `/maps/${map.mapId}/invites`, {
    auth: { capability: map.capability },
  });
  const pending = invites.invites.find((i) => i.inviteId === invite.inviteId)?.request;
  if (!pending?.sealedRequest || pending.requestId !== requestId) {
    throw new Error('the join request did not arrive');
  }
  const request = openJoinRequest(fromBase64Url(pending.sealedRequest), invite.keys, map.mapId);
  const parentCode = safetyCode(
    invite.keys,
    map.owner.identity.signPublicKey,
    request.signPublicKey,
  );
  const joinerCode = safetyCode(
    link.keys,
    link.info.parentSignPublicKey,
    member.identity.signPublicKey,
  );
  if (parentCode !== joinerCode) throw new Error('the safety codes differ');

  // parent: approve — slot, ADD record, key bundle with the granted sections, sealed answer
  const slotId = newId();
  const capability = newCapability();
  const sections: Section[] = grant.role === 'owner' ? [...SECTIONS] : grant.sections;
  const { record, log } = appendLogEntry({
    log: map.log,
    change: {
      type: 'ADD',
      data: {
        slotId,
        signPublicKey: request.signPublicKey,
        boxPublicKey: request.boxPublicKey,
        role: grant.role,
        sections,
        profile: {
          name: request.profile.name,
          profession: request.profile.profession,
          organisation: request.profile.organisation,
        },
      },
    },
    baseKey: map.keys.base,
    signer: signerOf(map.owner),
  });
  const granted: Partial<SectionKeys> = {};
  for (const section of log.members[slotId]?.sections ?? ['base']) {
    granted[section] = map.keys[section];
  }
  const keyBundle = sealKeyRing({
    ring: { mapId: map.mapId, epochs: { [EPOCH]: { base: map.keys.base, ...granted } } },
    slotId,
    recipientBoxPublicKey: request.boxPublicKey,
    signer: signerOf(map.owner),
  });
  const answer = sealJoinAnswer(
    {
      inviteId: invite.inviteId,
      mapId: map.mapId,
      slotId,
      capability,
      rights: grant.rights,
      title: map.title,
    },
    request.boxPublicKey,
    signerOf(map.owner),
  );
  await api.json('POST', `/maps/${map.mapId}/requests/${requestId}/approve`, {
    auth: { capability: map.capability },
    body: {
      slotId,
      capabilityHash: toBase64Url(capabilityHash(capability)),
      rights: grant.rights,
      keyBundle: toBase64Url(keyBundle),
      logRecords: [toBase64Url(record)],
      sealedAnswer: toBase64Url(answer),
    },
  });
  map.log = log;

  // professional: collect the answer with a proof over a fresh challenge, keep the capability
  const challenge = await api.json<InviteChallengeResponse>(
    'POST',
    `/invites/${invite.inviteId}/challenge`,
  );
  const collected = await api.json<CollectAnswerResponse>(
    'POST',
    `/invites/${invite.inviteId}/answer`,
    {
      body: {
        challengeId: challenge.challengeId,
        signature: toBase64Url(
          signInviteProof(link.keys, 'collect-answer', fromBase64Url(challenge.challenge)),
        ),
      },
    },
  );
  if (collected.status !== 'approved' || !collected.sealedAnswer) {
    throw new Error('the join answer was not there');
  }
  const joined = openJoinAnswer(fromBase64Url(collected.sealedAnswer), boxOf(member), {
    inviteId: invite.inviteId,
    mapId: map.mapId,
    parentSignPublicKey: link.info.parentSignPublicKey,
  });
  const entry = {
    mapId: map.mapId,
    capability: toBase64Url(joined.capability),
    title: joined.title,
    addedAt: Date.now(),
  };
  await addToKeyring(api, member, entry);

  // professional: open the map as her device does (her key bundle, the verified log), then write
  // her own card (what I do for this family, how to reach me) under the base key she was given
  const mine = await openMap(api, member, entry);
  if (mine.slotId !== joined.slotId) throw new Error('the answer names another slot');
  const body = encryptCard({
    mapId: map.mapId,
    epoch: EPOCH,
    slotId: joined.slotId,
    cardVersion: 1,
    card,
    keys: { base: mine.keys.base },
    signer: signerOf(member),
  });
  await api.json<PutCardResponse>('PUT', `/maps/${map.mapId}/cards/mine`, {
    auth: { capability: entry.capability },
    body: { baseCardVersion: 0, body: toBase64Url(body) },
  });
  return { mapId: map.mapId, slotId: joined.slotId, capability: entry.capability };
}
