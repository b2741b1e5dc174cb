import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from '../../../../renderer/sync/sse';

describe('server-sent events parser', () => {
  it('dispatches events split across chunks, and ignores comments', () => {
    const events: SseEvent[] = [];
    const feed = createSseParser((e) => events.push(e));
    feed(': heartbeat\n\nevent: cha');
    feed('nges\ndata: {"scope":"x"}\n');
    feed('\r\ndata: one\r\ndata: two\r');
    feed('\n\r\n');
    expect(events).toEqual([
      { type: 'changes', data: '{"scope":"x"}' },
      { type: 'message', data: 'one\ntwo' },
    ]);
  });

  it('does not dispatch a block without fields', () => {
    const events: SseEvent[] = [];
    const feed = createSseParser((e) => events.push(e));
    feed('\n\n:ping\n\nretry: 100\n\n');
    expect(events).toEqual([]);
  });
});
