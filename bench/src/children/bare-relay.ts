import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The push baseline: a Socket.IO server that only relays. An HTTP POST's JSON is emitted to every connected
 * socket as `message:created`, shaped like our change events, with no auth, storage or rooms.
 */
const httpServer = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200).end('ok');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      entry: { changes: { value: { messages: { text?: { body: string } }[] } }[] }[];
    };
    const body = payload.entry[0]?.changes[0]?.value.messages[0]?.text?.body ?? '';
    io.emit('message:created', { type: 'message:created', data: { content: { type: 'text', body } } });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"relayed":true}');
  });
});
const io = new Server(httpServer, { serveClient: false });
httpServer.listen(Number(process.env.PORT), '127.0.0.1');
