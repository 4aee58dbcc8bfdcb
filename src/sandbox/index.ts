import { startLagoSandbox, type LagoSandbox } from './lago/server.js';

export interface Sandboxes {
  readonly lago: LagoSandbox;
  close(): Promise<void>;
}

/** Starts every sandbox provider on a free loopback port. */
export async function startSandboxes(): Promise<Sandboxes> {
  const lago = await startLagoSandbox();
  return {
    lago,
    close: async () => {
      await lago.close();
    },
  };
}
