import net from 'node:net';

export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;

/**
 * A real network fault between the engine and the server, for tests: `cut` drops every connection and
 * refuses new ones (the laptop went offline); `loseAnswers` keeps the client's bytes flowing to the server
 * but drops the server's replies (a command arrives, its ack never comes back).
 */
export async function startTcpProxy(targetUrl: string) {
  const target = new URL(targetUrl);
  let mode: 'open' | 'cut' | 'lose-answers' = 'open';
  const connections = new Set<net.Socket>();

  const server = net.createServer((client) => {
    if (mode === 'cut') return void client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      connections.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        connections.delete(s);
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
    cut() {
      mode = 'cut';
      for (const s of connections) s.destroy();
    },
    loseAnswers() {
      mode = 'lose-answers';
    },
    restore() {
      mode = 'open';
    },
    async close() {
      for (const s of connections) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
