import net from 'node:net';

export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;

/**
 * A real TCP hop between a client and the server, for network faults in tests (both ends see them as real):
 * `dropAll` cuts every live connection while new ones are still accepted (a flaky network); `cut` also refuses
 * new ones until `restore` (the laptop went offline); `loseAnswers` keeps the client's bytes flowing to the
 * server but drops the server's replies (a command arrives, its ack never comes back).
 */
export async function startTcpProxy(targetUrl: string) {
  const target = new URL(targetUrl);
  let mode: 'open' | 'cut' | 'lose-answers' = 'open';
  const pairs = new Set<[net.Socket, net.Socket]>();

  const server = net.createServer((client) => {
    if (mode === 'cut') return void client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    for (const s of pair) {
      s.on('error', () => undefined);
      s.on('close', () => {
        pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (mode === 'open') client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get openConnections() {
      return pairs.size;
    },
    /** Cuts every connection now open; returns how many there were. */
    dropAll(): number {
      const count = pairs.size;
      for (const [client, upstream] of [...pairs]) {
        client.destroy();
        upstream.destroy();
      }
      return count;
    },
    cut() {
      mode = 'cut';
      this.dropAll();
    },
    loseAnswers() {
      mode = 'lose-answers';
    },
    restore() {
      mode = 'open';
    },
    async close() {
      this.dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
