import { postToEndpoint } from '../../../../common/subgraph-kit/ask-endpoint.js';
import type { MemberContact, MemberContacts } from '../../../../common/subgraph-kit/endpoint-answers.js';

/** Contacts of active members of a tenant: the named ones (others left out), or all of them. */
export type ContactBook = (tenantId: string, who: readonly string[] | 'everyone') => Promise<MemberContact[]>;

/** The most ids one call names, as the endpoint allows. */
const BATCH = 1_000;

export function contactBook(endpoint: string, serviceSecret: string): ContactBook {
  const ask = async (body: object) => {
    const { status, body: answer } = await postToEndpoint<MemberContacts>(endpoint, body, serviceSecret, 'users');
    if (status !== 200) throw new Error(`member contacts answered ${status}`);
    return answer;
  };
  return async (tenantId, who) => {
    const contacts: MemberContact[] = [];
    if (who === 'everyone') {
      let after: string | null = null;
      do {
        const page = await ask({ tenantId, everyone: true, after });
        contacts.push(...page.contacts);
        after = page.next;
      } while (after);
      return contacts;
    }
    for (let start = 0; start < who.length; start += BATCH) contacts.push(...(await ask({ tenantId, userIds: who.slice(start, start + BATCH) })).contacts);
    return contacts;
  };
}
