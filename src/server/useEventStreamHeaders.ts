import type { Plugin } from 'graphql-yoga';

/** Tells reverse proxies (nginx) not to buffer SSE, or events would arrive in bursts. */
export function useEventStreamHeaders(): Plugin {
  return {
    onResponse({ response }) {
      if (response.headers.get('content-type')?.startsWith('text/event-stream'))
        response.headers.set('x-accel-buffering', 'no');
    },
  };
}
