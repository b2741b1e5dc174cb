/**
 * A minimal Server-Sent Events parser (the text/event-stream format of the HTML standard), fed with
 * decoded text chunks as they arrive. Only what the sync notifications need: event type and data;
 * comment lines (heartbeats) count as activity but dispatch nothing.
 */
export type SseEvent = { type: string; data: string; id?: string };

export function createSseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  let type = '';
  let data: string[] = [];
  let id: string | undefined;
  let seenField = false;

  const dispatch = () => {
    if (seenField) onEvent({ type: type || 'message', data: data.join('\n'), ...(id ? { id } : {}) });
    type = '';
    data = [];
    seenField = false;
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
    else return;
    seenField = true;
  };

  return (chunk) => {
    buffer += chunk;
    // Lines end in \n, \r\n or \r; a trailing \r may be the first half of \r\n, so keep it for later.
    let match = /\r\n|\n|\r(?=[^\n])/.exec(buffer);
    while (match) {
      line(buffer.slice(0, match.index));
      buffer = buffer.slice(match.index + match[0].length);
      match = /\r\n|\n|\r(?=[^\n])/.exec(buffer);
    }
  };
}
