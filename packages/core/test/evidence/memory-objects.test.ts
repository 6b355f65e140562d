import { evidenceObjectsContract, MemoryEvidenceObjects } from '../../testing';

evidenceObjectsContract('in memory', async () => {
  let offset = 0;
  const objects = new MemoryEvidenceObjects(() => new Date(Date.now() + offset));
  return {
    objects,
    fetch: (url, init) => objects.fetch(url, init),
    advance: (ms) => {
      offset += ms;
    },
    unscanned: 'pending',
  };
});
