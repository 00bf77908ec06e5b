import type { BrowserContext, Page } from 'playwright-core';

/**
 * Keeps the Agents Playground's web client (0.2.28) from losing a bot reply to a message it has just sent.
 *
 * The Playground answers the page's POST of a new message first and only then forwards the message to the bot; the
 * bot's reply comes back to the page over the Playground's WebSocket. For a new channel post the page creates the post
 * only once its POST has answered (it learns the post's id from that answer), and a reply to a post it does not know
 * yet makes its WebSocket handler throw: the reply is never shown, and the client neither retries nor fetches history.
 * When the page is busy and the bot is quick, the reply wins that race. In personal and group chats and in a thread
 * the same race only swaps the order in which the message and the reply are listed.
 *
 * The page itself cannot see the order, so this runs inside it: while a POST of a message is in flight, messages from
 * the conversation WebSocket are held back, and they are handed on, in the order they came, in a task after the POST's
 * answer has been handled. The client handles that answer (axios's promise, then redux-saga's synchronous puts) in
 * microtasks of the XHR's loadend task, so a timer set from that task runs after the post exists. Done in the page, no
 * message makes a round trip through the test process, and the timer adds no fixed wait: it runs as soon as the page
 * is free.
 *
 * The script is a string, not a function, so that nothing a test transform adds to functions reaches the page.
 */
const HOLD_REPLIES_UNTIL_POSTS_ANSWERED = `(() => {
  const state = { inFlight: 0, held: [], heldTotal: 0 };
  Object.defineProperty(window, '__syncGuideReplyOrder', { value: state });
  const handedOn = new WeakSet();
  const pathOf = (url) => {
    try {
      return new URL(String(url), location.href).pathname;
    } catch {
      return '';
    }
  };
  const isMessagePost = (method, url) => {
    const path = pathOf(url);
    return String(method).toUpperCase() === 'POST' && path.startsWith('/_conversation/v1/conversations/') && path.endsWith('/messages');
  };
  const handOn = () => {
    while (state.inFlight === 0 && state.held.length > 0) {
      const { socket, data } = state.held.shift();
      const event = new MessageEvent('message', { data });
      handedOn.add(event);
      socket.dispatchEvent(event);
    }
  };

  const gated = new WeakSet();
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (isMessagePost(method, url)) gated.add(this);
    else gated.delete(this);
    return open.call(this, method, url, ...rest);
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    if (gated.has(this)) {
      state.inFlight += 1;
      this.addEventListener(
        'loadend',
        () =>
          setTimeout(() => {
            state.inFlight -= 1;
            handOn();
          }, 0),
        { once: true },
      );
    }
    return send.apply(this, args);
  };

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      if (!pathOf(url).startsWith('/_ws_conversation/')) return;
      // Registered before the client's own listeners, so it can stop them from seeing a message until its turn.
      this.addEventListener('message', (event) => {
        if (handedOn.has(event)) return;
        if (state.inFlight === 0 && state.held.length === 0) return;
        event.stopImmediatePropagation();
        state.held.push({ socket: this, data: event.data });
        state.heldTotal += 1;
      });
    }
  };
})();`;

/** Installs the hold in every page of the context, before any of the Playground's own scripts run. */
export async function holdRepliesUntilPostsAnswered(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: HOLD_REPLIES_UNTIL_POSTS_ANSWERED });
}

/** How many WebSocket messages the page has held back so far, since it was last loaded (0 without the hold). */
export async function repliesHeldSoFar(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as { __syncGuideReplyOrder?: { heldTotal: number } }).__syncGuideReplyOrder?.heldTotal ?? 0,
  );
}
