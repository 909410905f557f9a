import { ChannelMembersRequest, IdParams, CreateChannelRequest, UpdateChannelRequest } from '@switchboard/shared';
import { Router } from 'express';
import { Types } from 'mongoose';
import type { HttpServices } from '../http-services.js';
import { actorOf, authOf, requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/** Business numbers. Everyone lists what they may see (unregistered numbers show to supervisors and admins). */
export function channelRoutes(services: HttpServices): Router {
  const router = Router();
  router.get('/channels', async (_req, res) => {
    const { viewer } = authOf(res);
    const all = await services.channels.list();
    res.json({ items: all.filter((c) => viewer.canSeeChannel(new Types.ObjectId(c.id))) });
  });
  // Every signed-in user: whichever numbers their replies go out through, they see when one cannot send.
  router.get('/channels/send-health', async (_req, res) => {
    res.json({ items: await services.sendHealth.list() });
  });
  router.post('/channels', requireRole('admin'), async (req, res) => {
    res
      .status(201)
      .json(await services.channels.create(parseInput(CreateChannelRequest, req.body, 'body'), actorOf(res)));
  });
  router.patch('/channels/:id', requireRole('admin'), async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(await services.channels.update(id, parseInput(UpdateChannelRequest, req.body, 'body'), actorOf(res)));
  });
  router.put('/channels/:id/members', requireRole('admin'), async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(
      await services.channels.setMembers(id, parseInput(ChannelMembersRequest, req.body, 'body').userIds, actorOf(res)),
    );
  });
  return router;
}
