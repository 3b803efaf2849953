import { z } from 'zod';
import {
  allowedHostsBody,
  allowedHostsSchema,
  channelCreateBody,
  channelListSchema,
  channelSchema,
  channelUpdateBody,
  deliveryListQuery,
  deliverySchema,
  inboxQuery,
  inboxSchema,
  notificationSchema,
  readAllSchema,
  remindResultSchema,
  sendTestSchema,
  unitChannelsParam,
  unreadCountSchema,
} from '../../../common/schemas/notifications';
import { periodParam } from '../../../common/schemas/reports';
import { idParam, okSchema, pageOf } from '../../../common/schemas/shared';
import { notificationAllowedHosts } from '../../db/schema/notifications';
import { notFound } from '../../lib/errors';
import { type App, type Deps, errorResponses, ruleErrorResponses } from '../../lib/http';
import { presentChannel, presentDelivery, presentNotification } from './presenter';
import { listChannels, listDeliveries, listInbox, markAllRead, markRead, unreadCount } from './repository';
import {
  type ChannelOwner,
  createChannel,
  deleteChannel,
  remindMissing,
  replaceAllowedHosts,
  sendTest,
  unitInScope,
  updateChannel,
} from './service';

const inboxTags = ['notifications'];

/** Notifications: the inbox, one's own and a unit's channels, the delivery log, allowed hosts, "remind them all". */
export function notificationRoutes(app: App, { db, config }: Deps) {
  const secret = config.sessionSecret;

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: inboxTags,
        summary: "The reader's own inbox, newest first (unread=true for the unread only), with the unread count",
        querystring: inboxQuery,
        response: { 200: inboxSchema, ...errorResponses },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total, unread } = await listInbox(db, actor.userId, request.query);
      return {
        items: rows.map((row) => presentNotification(actor.locale, row)),
        total,
        unread,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      schema: {
        tags: inboxTags,
        summary: "How many of the reader's notifications are unread (the bell)",
        response: { 200: unreadCountSchema, ...errorResponses },
      },
      config: { access: 'authenticated' },
    },
    async (request) => ({ unread: await unreadCount(db, request.context().actor.userId) }),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags: inboxTags,
        summary: "Mark one of the reader's notifications read (another person's is not found)",
        params: idParam,
        response: { 200: notificationSchema, ...errorResponses },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await markRead(db, actor.userId, request.params.id);
      if (!row) throw notFound();
      return presentNotification(actor.locale, row);
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags: inboxTags,
        summary: "Mark every unread notification of the reader's read",
        response: { 200: readAllSchema, ...errorResponses },
      },
      config: { access: 'authenticated' },
    },
    async (request) => ({ marked: await markAllRead(db, request.context().actor.userId) }),
  );

  // Channels: one's own (everyone), a unit's (notification.manage, the unit in the data scope).
  const channelRoutes = (
    prefix: string,
    params: z.ZodObject,
    access: 'authenticated' | 'notification.manage',
    ownerOf: (request: { context: () => import('../../lib/actor').RequestContext; params: unknown }) => Promise<ChannelOwner>,
    what: string,
  ) => {
    const tags = ['notification channels'];
    app.get(
      prefix,
      {
        schema: {
          tags,
          summary: `${what}: the channels, settings masked`,
          params,
          response: { 200: channelListSchema, ...errorResponses },
        },
        config: { access },
      },
      async (request) => {
        const owner = await ownerOf(request);
        const rows = await listChannels(db, owner);
        return { items: rows.map((row) => presentChannel(row, true)), abilities: { create: true } };
      },
    );
    app.post(
      prefix,
      {
        schema: {
          tags,
          summary: `${what}: add a channel (off unless enabled); its addresses are resolved and checked, a refused one is a field error`,
          params,
          body: channelCreateBody,
          response: { 201: channelSchema, ...ruleErrorResponses },
        },
        config: { access },
      },
      async (request, reply) => {
        const ctx = request.context();
        const owner = await ownerOf(request);
        const row = await db.transaction((tx) => createChannel({ ctx, tx, owner, input: request.body, secret }));
        return reply.status(201).send(presentChannel(row, true));
      },
    );
    const one = params.extend({ id: z.uuid() }).strict();
    app.patch(
      `${prefix}/:id`,
      {
        schema: {
          tags,
          summary: `${what}: change a channel at the version read (label, on/off, or its settings entered again in full)`,
          params: one,
          body: channelUpdateBody,
          response: { 200: channelSchema, ...ruleErrorResponses },
        },
        config: { access },
      },
      async (request) => {
        const ctx = request.context();
        const owner = await ownerOf(request);
        const { id } = request.params as { id: string };
        const row = await db.transaction((tx) => updateChannel({ ctx, tx, owner, id, input: request.body, secret }));
        return presentChannel(row, true);
      },
    );
    app.delete(
      `${prefix}/:id`,
      {
        schema: {
          tags,
          summary: `${what}: delete a channel (its delivery log stays)`,
          params: one,
          response: { 200: okSchema, ...errorResponses },
        },
        config: { access },
      },
      async (request) => {
        const ctx = request.context();
        const owner = await ownerOf(request);
        const { id } = request.params as { id: string };
        await db.transaction((tx) => deleteChannel({ ctx, tx, owner, id }));
        return { ok: true as const };
      },
    );
    app.post(
      `${prefix}/:id/test`,
      {
        schema: {
          tags,
          summary: `${what}: send a test message now, synchronously, and answer whether it was delivered and why not`,
          params: one,
          response: { 200: sendTestSchema, ...errorResponses },
        },
        config: { access, rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (request) => {
        const ctx = request.context();
        const owner = await ownerOf(request);
        const { id } = request.params as { id: string };
        return sendTest({ ctx, db, owner, id, secret });
      },
    );
  };

  channelRoutes(
    '/api/v1/notifications/channels',
    z.strictObject({}),
    'authenticated',
    async (request) => ({ userId: request.context().actor.userId }),
    "The reader's own channels",
  );
  channelRoutes(
    '/api/v1/units/:unitId/notification-channels',
    unitChannelsParam,
    'notification.manage',
    async (request) => {
      const { unitId } = request.params as { unitId: string };
      return { unitId: (await unitInScope(db, request.context(), unitId)).id };
    },
    "A unit's channels (its DingTalk/WeCom group, mailbox, phones)",
  );

  app.get(
    '/api/v1/notification-deliveries',
    {
      schema: {
        tags: ['notification channels'],
        summary: 'The delivery log: every outgoing message of the units in reach, its attempts, next attempt and last error',
        querystring: deliveryListQuery,
        response: { 200: pageOf(deliverySchema), ...errorResponses },
      },
      config: { access: 'notification.read_log' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listDeliveries(db, actor, request.query);
      return {
        items: rows.map((row) => presentDelivery(actor.locale, row)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/notification-settings/allowed-hosts',
    {
      schema: {
        tags: ['notification channels'],
        summary: 'Intranet hosts the administrator allows channels to reach although they resolve to a private or own address',
        response: { 200: allowedHostsSchema, ...errorResponses },
      },
      config: { access: 'setting.read' },
    },
    async () => ({ hosts: (await db.select().from(notificationAllowedHosts)).map((r) => r.host).sort() }),
  );

  app.put(
    '/api/v1/notification-settings/allowed-hosts',
    {
      schema: {
        tags: ['notification channels'],
        summary: 'Replace the allowed intranet hosts (link-local, multicast and reserved addresses stay refused whatever is allowed)',
        body: allowedHostsBody,
        response: { 200: allowedHostsSchema, ...ruleErrorResponses },
      },
      config: { access: 'setting.update' },
    },
    async (request) => {
      const ctx = request.context();
      return { hosts: await db.transaction((tx) => replaceAllowedHosts({ ctx, tx, hosts: request.body.hosts })) };
    },
  );

  app.post(
    '/api/v1/reporting-periods/:id/remind',
    {
      schema: {
        tags: ['reporting periods'],
        summary:
          "一键催报: notify every unit on the reader's 未报送 list of an open period (in the app and on its channels). " +
          'A unit reminded by hand in the last againAfterMinutes (10) is skipped and listed as such, so a double click reminds once',
        params: periodParam,
        response: { 200: remindResultSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.manage_period' },
    },
    async (request) => {
      const ctx = request.context();
      return db.transaction((tx) => remindMissing({ ctx, tx, periodId: request.params.id }));
    },
  );
}
