/**
 * What platform endpoints answer, shared by the subgraph that serves one and those that ask it,
 * so both sides of the wire are one type.
 */

/** `memberRoles`: a member's role and status. */
export interface MemberRole {
  userId: string;
  role: 'STUDENT' | 'STAFF' | 'OWNER';
  status: 'ACTIVE' | 'DISABLED';
}

/** One entry of `memberContacts`: where a member may be reached, and where they asked not to be. */
export interface MemberContact {
  userId: string;
  displayName: string;
  email: string;
  phone: string | null;
  smsOptOut: boolean;
  whatsappOptOut: boolean;
}

/** `memberContacts`: a page of contacts; `next` is the `after` of the next page of `everyone`. */
export interface MemberContacts {
  contacts: MemberContact[];
  next: string | null;
}
