import type { ConsentPersonMessages } from './consent-person.zh-CN';

/** English — 我的授权 (persons) and 个人注册. */
// prettier-ignore
export const consentPersonEnUS: ConsentPersonMessages = {
  consentPerson: {
    colon: ': ', sep: ', ', subtitle: 'One consent per scenario: who, which fields, until when — and withdraw at any time',
    tabs: { active: 'Active', history: 'History', scenarios: 'Scenarios', wards: 'Guardianship' },
    category: {
      basic: 'Basic', contact: 'Contact', identity: 'Identity', device: 'Device', behavior: 'Behaviour',
      biometric: 'Biometric', religion: 'Religious belief', specific_identity: 'Specific identity', health: 'Health',
      financial: 'Financial account', location: 'Whereabouts', minor: 'Child under 14',
    },
    sensitive: 'Sensitive', sensitiveHint: 'Sensitive personal information (PIPL Art. 28): its leak or unlawful use easily harms dignity, personal or property safety',
    grantStatus: { active: 'Active', revoked: 'Withdrawn', expired: 'Expired', superseded: 'Scenario changed' },
    wardStatus: { pending: 'To confirm', confirmed: 'Confirmed' },
    subjectFilter: { all: 'All', self: 'Me' },
    person: {
      idCard: 'ID card', idCardHint: 'Stored encrypted; only the masked number is shown', age: 'Age', ageValue: (n: number) => `${n}`,
      minor: 'Under 14', guardian: 'Guardian',
      minorAlert: (name: string) => `You are under 14: your guardian ${name} consents for you (PIPL Art. 31). You can see and withdraw any consent at any time.`,
      guardianPending: 'Your guardian has not confirmed the guardianship yet; until then nobody can consent for you.',
    },
    grant: {
      org: 'Data user', recipient: 'Recipient', purpose: 'Purpose', method: 'Processing', fields: 'Fields', until: 'Valid until',
      status: 'Status', grantedBy: 'Given by', grantedAt: 'Given at', revokedAt: 'Withdrawn at', subject: 'Data subject', version: 'Scenario version',
      versionNo: (n: number) => `Version ${n}`, self: 'Me', selfAsGuardian: 'Me (as guardian)',
      guardian: (name: string) => `Guardian ${name}`, ward: (name: string) => `Ward ${name}`, detail: 'Details',
      revoke: 'Withdraw', drawerTitle: 'Consent', receipts: 'Receipts',
      supersededHint: 'The scenario changed (purpose, method, recipient or fields), so this consent no longer counts. To agree to the new version, consent again.',
      expiredHint: 'This consent has expired: the data user may no longer process this information. To renew it, consent again.',
      renew: 'Consent again',
      replacedHint: 'You consented again: a newer grant replaced this one, so there is nothing to withdraw here. To stop the processing, withdraw the newer grant.', openReplacement: 'Open the newer grant',
    },
    uses: {
      title: 'Use record',
      help: 'A data user checks this consent before each use of your information; every check, its fields and its answer are recorded here.',
      empty: 'No data user has checked this consent yet',
      allowed: 'Allowed',
      denied: 'Refused',
      platform: 'The platform',
    },
    revoke: {
      title: 'Withdraw this consent?',
      body: (org: string) => `Effective at once: ${org} may not process this information from the next check on. Processing done before the withdrawal stays lawful (PIPL Art. 15). A "withdrawn" receipt is issued.`,
      ok: 'Withdraw', done: 'Consent withdrawn; the withdrawal receipt is issued',
    },
    receipt: {
      granted: 'Consent receipt', revoked: 'Withdrawal receipt', download: 'Download receipt', verify: 'Verify in the browser',
      verifyOk: 'The receipt is genuine', verifyBad: 'The receipt did not verify',
      verifyOkDesc: 'The platform signed the receipt with SM2, it was not altered, and its SM3 digest is in the public ledger.',
      trustedKeys: 'Checked against the signing keys the platform publishes in its public ledger', ownKey: 'The platform keys could not be loaded: checked with the key inside the receipt',
      offline: 'Offline: after downloading, verify the receipt on any computer with the command-line tool (no network needed)', noReceipts: 'No receipts yet',
      checks: {
        shape: 'Receipt format', signerKey: 'Signing key', signature: 'SM2 signature', ledgerEntry: 'Ledger entry', inclusion: 'Merkle inclusion proof',
        checkpoint: 'Ledger checkpoint signature',
      },
      stepStatus: { ok: 'passed', fail: 'failed', skip: 'not run' },
    },
    list: {
      emptyActive: 'You have no active consents', emptyHistory: 'No withdrawn, expired or superseded consents yet', goScenarios: 'See scenarios',
      fieldsCount: (n: number) => `${n} field${n === 1 ? '' : 's'}`,
    },
    scenario: {
      emptyList: 'No scenarios are open to consent yet', granted: 'Consented', grantedFor: (name: string) => `${name}: consented`, open: 'View and consent',
      legalBasis: 'Legal basis', retention: 'Retention', retentionDays: (n: number) => `${n} days`, crossBorder: 'Provided abroad',
      automated: 'Automated decisions', separate: 'Separate consent', needsSeparate: 'Separate consent', yes: 'Yes', no: 'No',
      drawerTitle: 'Scenario', notAvailable: 'This scenario has no version open to consent', actingFor: 'Consent for', self: 'Me',
      alreadyGranted: (until: string) => `Consented, valid until ${until}`, viewGrant: 'View consent',
      staleGrant: 'The earlier consent expired or the scenario changed, so the data user may no longer rely on it. To agree again, consent below; the earlier consent and its receipts stay in your history.',
      viewStale: 'View earlier consent', minorCannot: 'A person under 14 cannot consent themselves: a confirmed guardian consents for them.',
      struck: (n: number) => `The platform's minimal-necessity review removed ${n} field${n === 1 ? '' : 's'}: the data user will not collect them.`,
    },
    form: {
      fields: 'Fields', fieldsHelp: 'Required fields are needed for the basic function; optional fields may be refused without losing it.', required: 'Required', optional: 'Optional',
      separate: 'Separate consent', separateLabel: 'I understand the reasons below and give my separate consent', separateWhy: 'The law requires your separate consent because this scenario involves:',
      separateReasons: {
        sensitive: (fields: string) => `sensitive personal information: ${fields} (PIPL Art. 29)`,
        thirdParty: (recipient: string) => `provision to another handler: ${recipient} (Art. 23)`, crossBorder: 'provision abroad (Art. 39)',
        minor: 'processing the information of a child under 14 (Art. 28, 31)',
      },
      separateRequired: 'Tick separate consent, or do not consent to this scenario', expiry: 'Consent valid until',
      expiryHelp: (max: number) => `The consent ends by itself on this date; at most ${max} days, and you may withdraw earlier.`, expiryRequired: 'Choose the end date',
      submit: 'I consent', refuse: 'Refuse', refuseTitle: 'Refuse this scenario?',
      refuseBody: (org: string, days: number, forWard: boolean) => `After refusing, ${org} may not ask ${forWard ? 'for your ward' : 'you'} again for ${days} days (Network Data Security Regulations Art. 22). You can still consent on your own at any time.`,
      refused: 'Refused: the data user will not ask again during the cool-down', success: 'Consent given', successSub: (org: string, until: string) => `${org} may process the fields you agreed to, for the stated purpose, until ${until}. The platform signed a receipt and recorded it in the public ledger.`,
      done: 'Done', viewGrant: 'View the consent', failed: 'The consent was not given',
    },
    wards: {
      empty: 'Nobody has named you as their guardian', confirm: 'Confirm guardianship', confirmTitle: (name: string) => `Are you the guardian of ${name}?`,
      confirmBody: 'Once confirmed, you consent to and withdraw the processing of their personal information on their behalf (PIPL Art. 31). Confirm only if you are their parent or other legal guardian.',
      confirmed: 'Guardianship confirmed', grantFor: 'Consent for them', viewGrants: 'Their consents',
      intro: 'The personal information of children under 14 is sensitive: processing it needs the consent of a parent or other guardian.',
    },
    dashboard: {
      active: 'Active consents', sensitive: 'With sensitive data', wardsPending: (n: number) => `${n} guardianship${n === 1 ? '' : 's'} to confirm`,
      open: 'Open my authorizations',
    },
    signUp: {
      title: 'Personal sign-up', subtitle: 'Then see, give and withdraw your consents under “My authorizations”', username: 'Username',
      displayName: 'Name', password: 'Password', idCard: 'Resident ID card number',
      idCardHelp: 'Checked per GB 11643; stored encrypted and only ever shown masked (e.g. 3***************34)', idCardInvalid: 'Not a valid ID card number (check the birth date and the last check character)',
      birth: (date: string, age: number) => `Born ${date}, aged ${age}`, phone: 'Mobile number', guardian: 'Guardian’s username',
      guardianWhy: 'You are under 14: under PIPL Art. 31 a parent or other guardian consents for you. Enter the username of your adult guardian’s account; once they confirm, they can consent for you.',
      guardianRequired: 'Under 14, a guardian’s username is required', submit: 'Sign up', hasAccount: 'Already have an account?', login: 'Log in',
      orgHint: 'Organizations apply to join instead', success: (name: string) => `Welcome, ${name}`, loginPrompt: 'An individual?',
    },
  },
};
