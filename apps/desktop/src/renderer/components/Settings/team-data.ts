import { z } from 'zod';
import { TeamMemberDTO } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';

/** Everyone on the team with their routing profile (the users and queues screens both read it). */
export const loadTeam = async () =>
  (await settingsRequest('GET', '/api/users', z.object({ items: z.array(TeamMemberDTO) }))).items;
