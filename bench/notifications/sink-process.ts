/**
 * The stand-ins of sink.ts in a process of their own, so that they do not share an event loop with
 * the benchmark (which commits the burst and polls the outbox) or with each other:
 *   node --import tsx bench/notifications/sink-process.ts   (started by `startSinkProcess`, with IPC)
 * Prints one JSON line with the URLs and token once both listen; answers the IPC message `receipts`
 * with every receipt so far, and ends on `close`.
 */
import { startSink } from './sink.ts';

const sink = await startSink();
process.on('message', (m: unknown) => {
  if (m === 'receipts') {
    process.send?.({ receipts: sink.receipts });
  } else if (m === 'close') {
    void sink.close().then(() => process.exit(0));
  }
});
process.once('disconnect', () => {
  void sink.close().then(() => process.exit(0));
});
console.log(JSON.stringify({ smtpUrl: sink.smtpUrl, gatewayUrl: sink.gatewayUrl, gatewayToken: sink.gatewayToken }));
