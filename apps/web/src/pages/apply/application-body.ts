import { SubmitApplicationBody, type OrgFields } from '@shuliu/contracts';
import type { z } from 'zod';
import { compact } from '../../lib/zod-form';
import { affirmed, type DeclValues } from './DeclarationsFields';

export type OrgInput = z.input<typeof OrgFields>;

export interface ApplyFormValues {
  org?: Partial<OrgInput>;
  admin?: Record<string, string | undefined>;
  confirmPassword?: string;
  decl?: DeclValues;
}

/** The `org` part of a request from the form: empty optionals dropped, kinds only for the chosen types. */
export function orgFromForm(org: Partial<OrgInput> | undefined): OrgInput {
  const o = compact({ ...org }) as OrgInput;
  const types = o.types ?? [];
  return {
    ...o,
    merchantKinds: types.includes('merchant') ? (o.merchantKinds ?? []) : [],
    providerKinds: types.includes('provider') ? (o.providerKinds ?? []) : [],
  };
}

/** Builds and checks the request body with the API's own schema before anything is sent. */
export function buildApplication(v: ApplyFormValues) {
  const body = {
    org: orgFromForm(v.org),
    admin: compact({ ...v.admin }),
    declarations: affirmed(v.decl),
  };
  return {
    body: body as z.input<typeof SubmitApplicationBody>,
    parsed: SubmitApplicationBody.safeParse(body),
  };
}
