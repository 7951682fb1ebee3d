/** What each GraphQL type's resolvers receive as their parent: codegen maps every `<Type>Mapper` here. */
export type { CommunityRow as CommunityMapper, MembershipRow as MembershipMapper, PostRow as PostMapper } from './db.js';
export type { CarrelEvent as CommunityEventMapper, CarrelEvent as NotificationEventMapper } from '../../../common/events/event.js';
export type { NotificationRow as NotificationMapper } from './notifications/db.js';
export type { ConversationRow as ConversationMapper, MessageRow as MessageMapper } from './messages/db.js';
export type { CarrelEvent as MessageEventMapper } from '../../../common/events/event.js';
export type TenantMapper = { id: string };
export type UserMapper = { id: string };
export type LibraryMapper = { id: string };
export type { AnnouncementRow as AnnouncementMapper, MessageTemplateRow as MessageTemplateMapper } from './announcements/db.js';
