import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { customerOfPhone } from '../payloads.js';
import { queueOfCustomer } from '../team.js';

/**
 * The push baseline: a Socket.IO server that only relays. An HTTP POST's JSON is emitted as `message:created`,
 * shaped like our change events, with no auth or storage, to the same audience our server pushes it to: the
 * sockets of the message's queue (from the customer's number, see team.ts) and the supervisors. A socket
 * names its queues and whether it is a supervisor in its handshake query.
 */
type Webhook = { entry: { changes: { value: { messages: { from: string; text?: { body: string } }[] } }[] }[] };

const httpServer = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200).end('ok');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Webhook;
    const message = payload.entry[0]?.changes[0]?.value.messages[0];
    const body = message?.text?.body ?? '';
    const queue = queueOfCustomer(customerOfPhone(message?.from ?? '0'));
    io.to([`queue:${queue}`, 'supervisors']).emit('message:created', {
      type: 'message:created',
      data: { content: { type: 'text', body } },
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"relayed":true}');
  });
});
const io = new Server(httpServer, { serveClient: false });
io.on('connection', (socket) => {
  const { queues, supervisor } = socket.handshake.query;
  if (supervisor === '1') void socket.join('supervisors');
  for (const q of String(queues ?? '')
    .split(',')
    .filter(Boolean))
    void socket.join(`queue:${q}`);
});
httpServer.listen(Number(process.env.PORT), '127.0.0.1');
