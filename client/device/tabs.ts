/** Tabs of this browser tell each other about a logout, so nothing of hers stays open in another tab. */
const CHANNEL = 'netwerkkaart-tabs';

/** Calls `onSignedOut` when another tab logs out; the result tells the other tabs of ours. */
export function logoutAcrossTabs(onSignedOut: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if (event.data === 'signed-out') onSignedOut();
  };
  return () => channel.postMessage('signed-out');
}
