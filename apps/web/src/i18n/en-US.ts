import { apiErrorsEnUS } from './api-errors.en-US';
import { catalogActionsEnUS, catalogEnUS } from './catalog.en-US';
import { registryActionsEnUS, registryEnUS } from './registry.en-US';
import { consentPersonEnUS } from './consent-person.en-US';
import { consentScenariosEnUS } from './consent-scenarios.en-US';
import { consentOrgsEnUS } from './consent-orgs.en-US';
import { consentActionsEnUS, consentEnUS } from './consent.en-US';
import { authSecurityActionsEnUS, authSecurityEnUS } from './auth-security.en-US';
import { marketActionsEnUS, marketEnUS } from './market.en-US';
import { sharingEnUS } from './sharing.en-US';
import { settingsActionsEnUS, settingsEnUS } from './settings.en-US';
import { orgKeysActionsEnUS, orgKeysEnUS } from './org-keys.en-US';
import { marketDemandsActionsEnUS, marketDemandsEnUS } from './market-demands.en-US';
import { tradeEnUS } from './trade.en-US';
import { ordersEnUS } from './orders.en-US';
import { contractEnUS } from './contract.en-US';
import { tradeDeliveryEnUS } from './trade-delivery.en-US';
import { gatewayEnUS } from './gateway.en-US';
import { settlementEnUS } from './settlement.en-US';
import { computeEnUS } from './compute.en-US';
import { dcmmEnUS } from './dcmm.en-US';
import { qualityProgrammesEnUS } from './quality-programmes.en-US';
import { assetsEnUS } from './assets.en-US';
import { qualityActionsEnUS, qualityEnUS } from './quality.en-US';
import type { Messages } from './zh-CN';

/** English. Domain terms keep their Chinese legal names beside the English ones (DESIGN.md §4). */
// Several short messages share a line, so that a catalogue stays one readable file.
// prettier-ignore
export const enUS: Messages = {
  app: {
    name: 'Shuliu', full: 'Data Element Market Platform', tag: 'Data market', slogan: 'Make data elements flow under control',
    copyright: 'Shuliu 数流 · open-source data element market platform',
  },
  common: {
    ok: 'OK', cancel: 'Cancel', confirm: 'Confirm', search: 'Search', reset: 'Reset', refresh: 'Refresh',
    expand: 'More', collapse: 'Less', actions: 'Actions', detail: 'Details', view: 'View', edit: 'Edit', save: 'Save',
    submit: 'Submit', back: 'Back', next: 'Next', prev: 'Previous', close: 'Close', copy: 'Copy', copied: 'Copied',
    exportCsv: 'Export CSV', exportPng: 'Export image', columns: 'Columns', resetColumns: 'Reset',
    total: (n: number) => `${n} in total`, loading: 'Loading…', noData: 'No data', retry: 'Retry',
    list: (xs: readonly string[]) => xs.join(', '), aside: (a: string, b: string) => `${a} (${b})`, clauses: (xs: readonly string[]) => xs.join('; '),
    loadFailed: 'Failed to load', errorCode: 'Error code', requestId: 'Request ID', yes: 'Yes', no: 'No', all: 'All',
    none: 'None', saved: 'Saved', chart: 'Chart', table: 'Table', backHome: 'Back to home', reason: 'Reason',
    note: 'Note', pleaseSelect: 'Select', pleaseInput: 'Enter', name: 'Name', count: 'Count', sum: 'Total',
    operationFailed: 'Operation failed',
  },
  lang: { switch: 'Language', 'zh-CN': '简体中文', 'en-US': 'English' },
  menu: {
    home: 'Home', dashboard: 'Dashboard', subjects: 'Participants', review: 'Onboarding review',
    orgs: 'Organizations', users: 'Users', security: 'Security & audit', audit: 'Audit log', ledger: 'Ledger explorer', account: 'My account',
    myApplication: 'My application', apply: 'Apply to join (入驻申请)',
    catalogGroup: 'Data resources', catalog: 'Data catalog', catalogMine: 'My resources', catalogNew: 'New resource',
    openRequests: 'Applications', openData: 'Open data portal', sectors: 'Sectors',
    sharingGroup: 'Sharing & return', sharing: 'Sharing requests', returnFlows: 'Return-flow board', survey: 'Resource survey',
  },
  header: {
    notifications: 'Notifications', markAllRead: 'Mark all read', markRead: 'Mark read',
    noNotifications: 'No messages', unread: 'Unread', all: 'All', myAccount: 'My account', logout: 'Log out',
    loggedOut: 'Logged out', allRead: 'All messages marked read', open: 'Open', org: 'Organization',
  },
  role: {
    operator: 'Platform operator', regulator: 'Regulator', authority: 'Public data authority',
    merchant: 'Data merchant', buyer: 'Buyer', provider: 'Service provider', person: 'Individual',
    agent: 'Compute agent', org_admin: 'Org admin',
  },
  orgType: {
    operator: 'Platform operator', regulator: 'Regulator', authority: 'Public data authority',
    merchant: 'Data merchant (数据商)', buyer: 'Buyer (需求方)', provider: 'Third-party service provider',
  },
  merchantKind: {
    technical: 'Technical (技术型)', service: 'Service (服务型)', application: 'Application (应用型)',
  },
  providerKind: {
    certifier: 'Certifier', valuer: 'Valuer', auditor: 'Auditor', mediator: 'Mediator', arbitrator: 'Arbitrator',
    broker: 'Broker',
  },
  status: {
    pending: 'Pending', approved: 'Approved', active: 'Active', rejected: 'Rejected', suspended: 'Suspended',
    disabled: 'Disabled', locked: 'Locked', unlocked: 'Not locked', success: 'Success', failure: 'Failure',
    denied: 'Denied', revoked: 'Revoked', expired: 'Expired', current: 'This session', readOnly: 'Read-only',
    draft: 'Draft', published: 'Published', retired: 'Retired', delivered: 'Delivered', withdrawn: 'Withdrawn',
    overdue: 'Overdue', late: 'Delivered late', uploading: 'Uploading', profiling: 'Profiling', ready: 'Ready', failed: 'Failed',
  },
  declaration: {
    truthful: {
      title: 'Truthful',
      text: 'The information and documents we submit are true, accurate and complete; we bear legal liability for any falsehood.',
    },
    lawfulOperation: {
      title: 'Lawful operation',
      text: 'We are lawfully established and operating, and are not on a list of seriously dishonest entities or the data trading negative list.',
    },
    dataSecurity: {
      title: 'Data security',
      text: 'We comply with the Data Security Law, the Personal Information Protection Law and related regulations, and fulfil classification, grading and security duties.',
    },
    acceptRules: {
      title: 'Platform rules',
      text: 'We have read and agree to the onboarding agreement, trading rules and management policies, and accept supervision by the platform and regulators.',
    },
  },
  action: {
    'identity.session.login': 'Log in',
    'identity.session.logout': 'Log out',
    'identity.session.revoke': 'Revoke session',
    'identity.user.password_change': 'Change password',
    'identity.token.create': 'Create API token',
    'identity.token.revoke': 'Revoke API token',
    'identity.application.submit': 'Submit application',
    'identity.application.resubmit': 'Resubmit application',
    'identity.application.approve': 'Approve application',
    'identity.application.reject': 'Reject application',
    'identity.org.status': 'Change org status',
    'identity.user.create': 'Create user',
    'identity.user.update': 'Update user',
    'identity.user.password_reset': 'Reset password',
    'identity.user.unlock': 'Unlock user',
    'notification.read': 'Read message',
    'notification.read_all': 'Read all messages',
    'identity.org.create': 'Create organization', 'crypto.key.create': 'Create key', 'crypto.key.rotate': 'Rotate key',
    'ledger.audit_anchor': 'Anchor audit chain in ledger',
    submit: 'Submitted', submitted: 'Submitted', resubmit: 'Resubmitted', resubmitted: 'Resubmitted',
    approve: 'Approved', approved: 'Approved', reject: 'Rejected', rejected: 'Rejected',
    ...catalogActionsEnUS,
    ...registryActionsEnUS,
    ...settingsActionsEnUS,
    ...consentActionsEnUS,
    ...marketActionsEnUS,
    ...authSecurityActionsEnUS,
    ...orgKeysActionsEnUS,
    ...marketDemandsActionsEnUS,
    ...qualityActionsEnUS,
  },
  validation: {
    required: 'Required', minLength: (n: number) => `At least ${n} characters`,
    maxLength: (n: number) => `At most ${n} characters`, minItems: (n: number) => `Select at least ${n}`,
    maxItems: (n: number) => `Select at most ${n}`, email: 'Not a valid email address',
    mobile: 'Enter an 11-digit mainland mobile number',
    username: '3–64 characters: letters, digits, ".", "_" and "-"',
    password: 'At least 10 characters, with letters and digits', passwordMismatch: 'The passwords do not match',
    invalid: 'Invalid format',
    uscc: {
      length: 'A unified social credit code has 18 characters',
      charset: 'Invalid character (I, O, S, V and Z never occur)',
      orgCodeCheck: 'Characters 9–17 (organization code) fail their GB 11714 check',
      checkDigit: 'The check character (18th) is wrong',
    },
    fixErrors: 'Please correct the highlighted fields',
    declarationRequired: 'Please read and affirm this declaration',
  },
  login: {
    lockedUntil: (time: string) => ` until ${time}; try again later or ask an admin to unlock it`,
    title: 'Log in with your account', username: 'Username', password: 'Password', submit: 'Log in',
    noAccount: 'Organization not onboarded yet?', apply: 'Apply to join', ledger: 'Public ledger explorer', openData: 'Open data portal', failed: 'Login failed',
    expired: 'Your session has ended, please log in again', welcome: (n: string) => `Welcome back, ${n}`,
    features: [
      'Onboarding and identity verification',
      'Data rights registration',
      'Compliant listing and trusted trading',
      'End-to-end audit and oversight',
    ],
  },
  org: {
    name: 'Name', nameEn: 'English name', uscc: 'Unified social credit code (统一社会信用代码)', types: 'Types',
    merchantKinds: 'Merchant kinds', providerKinds: 'Provider kinds', region: 'Region', contactName: 'Contact',
    contactPhone: 'Contact phone', contactEmail: 'Contact email', status: 'Status', createdAt: 'Registered',
    updatedAt: 'Updated', id: 'Org ID', usccHelp: '18 characters, checked per GB 32100',
    regionPlaceholder: 'e.g. 山东省济南市',
  },
  apply: {
    title: 'Apply to join (入驻申请)',
    subtitle: 'The platform operator reviews your application; once approved you can use the platform',
    steps: { org: 'Organization', admin: 'Admin account', declarations: 'Declarations' },
    adminIntro:
      'This account administers your organization: it logs in, follows the review and manages your users.',
    declarationsIntro:
      'Under the declaration-and-commitment system (声明承诺制), read and affirm each declaration:',
    submit: 'Submit application', successTitle: 'Application submitted',
    successSub: (id: string) => `Application ${id}. Log in with the admin account to follow the review.`,
    goLogin: 'Log in to follow the review', hasAccount: 'Already have an account?', login: 'Log in',
  },
  admin: {
    username: 'Username', displayName: 'Full name', password: 'Password', confirmPassword: 'Confirm password',
    email: 'Email', phone: 'Mobile',
  },
  myApp: {
    title: 'My application', submitted: 'Submitted', review: 'Platform review', done: 'Onboarded',
    pending: 'Your application is under review. You will be notified by an in-portal message.',
    approved: 'Your application was approved. Welcome to the platform.',
    rejected: 'Your application was rejected. Correct it according to the reason and resubmit.',
    rejectReason: 'Reason', resubmit: 'Correct and resubmit', resubmitTitle: 'Correct the application',
    resubmitted: 'Resubmitted; awaiting review', history: 'History',
    notFound: 'No onboarding application found for your organization',
    notFoundSub: 'Your organization may have been set up by the platform operator directly.', appId: 'Application ID',
    submittedAt: 'Submitted', decidedAt: 'Decided', decidedBy: 'Reviewer', admin: 'Admin account',
  },
  review: {
    title: 'Onboarding review (入驻审核)', searchPlaceholder: 'Name / credit code / username', detail: 'Application',
    approve: 'Approve', reject: 'Reject', approveTitle: 'Approve this application?',
    approveDesc: (n: string) => `"${n}" will become an onboarded organization of the platform.`,
    note: 'Note (optional)', rejectTitle: 'Reject the application',
    rejectDesc: 'The applicant will see this reason; say what needs correcting.', reason: 'Reason',
    approvedMsg: 'Application approved', rejectedMsg: 'Application rejected', declarations: 'Declarations',
    history: 'History', decidedBy: 'Reviewer', decidedAt: 'Decided', submittedAt: 'Submitted', admin: 'Admin account',
    orgInfo: 'Organization', status: 'Status', act: 'Review',
  },
  orgs: {
    title: 'Organizations', searchPlaceholder: 'Name / credit code', detail: 'Organization', suspend: 'Suspend',
    reactivate: 'Reactivate', suspendTitle: 'Suspend organization', reactivateTitle: 'Reactivate organization',
    suspendDesc: 'Users of a suspended organization cannot do business.',
    reactivateDesc: 'The organization can use the platform again.', reason: 'Reason',
    changed: 'Organization status changed', basic: 'Profile', users: 'Users', audit: 'Activity',
  },
  users: {
    title: 'Users', searchPlaceholder: 'Username / name / email', create: 'New user', edit: 'Edit user',
    resetPassword: 'Reset password', unlock: 'Unlock', unlockConfirm: 'Unlock this account?', username: 'Username',
    displayName: 'Name', org: 'Organization', roles: 'Roles', status: 'Status', locked: 'Locked',
    lastLogin: 'Last login', createdAt: 'Created', email: 'Email', phone: 'Mobile', password: 'Initial password',
    newPassword: 'New password', created: 'User created', updated: 'User updated',
    passwordReset: 'Password reset; their sessions were ended', unlocked: 'Account unlocked', enabled: 'Enable',
    disabled: 'Disable', lockedYes: 'Locked', lockedNo: 'Not locked',
    resetPasswordFor: (n: string) => `Reset the password of "${n}"`,
  },
  audit: {
    title: 'Audit log', actorId: 'Actor ID', orgId: 'Org ID', action: 'Action',
    actionHelp: 'Exact action, or a prefix ending in "." or "*"', objectId: 'Object ID', outcome: 'Outcome',
    requestId: 'Request ID', timeRange: 'Time range', q: 'Keyword', seq: 'Seq', at: 'Time', actor: 'Actor',
    org: 'Org', object: 'Object', ip: 'IP', details: 'Details', prevHash: 'Previous hash', hash: 'Hash',
    verify: 'Verify chain', verifyOk: 'The hash chain is intact', verifyBad: 'The hash chain is broken',
    verifyOkDesc: (n: number, head: number, alg: string) =>
      `${n} events checked (head seq ${head}, ${alg}); no tampering found.`,
    verifyBadDesc: (seq: number | null, p: string) => `First bad seq: ${seq ?? '—'}. ${p}`,
    exportPage: 'Export this page', qPlaceholder: 'Action, actor or object ID',
  },
  account: {
    title: 'My account', profile: 'Profile', password: 'Password', sessions: 'Sessions', tokens: 'API tokens',
    currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm new password',
    passwordChanged: 'Password changed; your other sessions were ended', changePassword: 'Change password',
    sessionCreated: 'Logged in', lastSeen: 'Last seen', expiresAt: 'Expires', ip: 'IP', userAgent: 'Client',
    revoke: 'Revoke', revokeToken: 'Revoke', revokeSessionConfirm: 'That device will have to log in again.',
    sessionRevoked: 'Session revoked', createToken: 'New token', tokenName: 'Name', prefix: 'Prefix', roles: 'Roles',
    readOnly: 'Read-only', readOnlyHelp: 'A read-only token can only call query endpoints',
    expiresInDays: 'Valid for', days: (n: number) => `${n} days`, never: 'Never expires', lastUsed: 'Last used',
    createdAt: 'Created', tokenCreated: 'Token created',
    tokenWarn: 'Copy the token now and keep it safe: it cannot be shown again after you close this window.',
    revokeTokenConfirm: 'Programs using this token will lose access.', tokenRevoked: 'Token revoked',
    tokenHelp: 'API tokens let machines call the API, with at most your own roles.', sessionKind: 'Signed in with',
    session: 'Session', apiToken: 'API token', lastLogin: 'Last login',
  },
  dashboard: {
    greeting: (n: string) => `Hello, ${n}`, roles: 'Roles', pendingApps: 'Pending applications',
    activeOrgs: 'Active organizations', totalOrgs: (n: number) => `${n} organizations in total`, totalUsers: 'Users',
    lockedUsers: 'Locked accounts', orgsByType: 'Organizations by type', orgsByStatus: 'Organizations by status',
    recentAudit: 'Recent audit events', viewAll: 'View all', unread: 'Unread messages', quick: 'Shortcuts',
    type: 'Type', goReview: 'Review', org: 'Organization', lastLogin: 'Last login', noOrg: 'No organization',
    myOrg: 'My organization', latestMessages: 'Latest messages',
  },
  ledger: {
    title: 'Ledger explorer (账本浏览器)', subTitle: 'Public transparency log: RFC 9162 Merkle tree · SM3 · SM2-signed checkpoints',
    public: 'Public, no login needed', login: 'Log in',
    intro: 'Certificates, contracts, consent grants and audit anchors are recorded in this append-only log. Every check below runs in your browser: you need not trust the server.',
    checkpoint: 'Latest signed checkpoint', origin: 'Origin', treeSize: 'Tree size', entriesCount: (n: number) => `${n} entries`,
    hashAlg: 'Hash', root: 'Root hash', keyId: 'Signing key', publicKey: 'SM2 public key', signature: 'SM2 signature (r ‖ s)',
    body: 'Signed body', createdAt: 'Signed at', updatedAt: (time: string) => `Updated ${time}; refreshes every 30 s`,
    sigOk: 'Signature valid: verified with SM2 in your browser',
    sigOkDesc: (keyId: string) => `Signing key ${keyId}, signer ID 1234567812345678 (GB/T 32918.2); the signed body matches the checkpoint fields.`,
    sigBad: 'Signature verification failed',
    entries: 'Ledger entries', index: 'Index', type: 'Type', at: 'Time', object: 'Attested object', objectSm3: 'Object hash (SM3)',
    leafHash: 'Leaf hash', empty: 'The ledger has no entries yet', unreadable: 'Unreadable entry',
    entryType: {
      'certificate.issued': 'Certificate issued', 'certificate.changed': 'Certificate changed', 'contract.signed': 'Contract signed',
      'contract.concluded': 'Contract concluded',
      'consent.granted': 'Consent granted', 'consent.revoked': 'Consent revoked', 'audit.anchor': 'Audit anchor',
      'listing.published': 'Listing published', 'listing.withdrawn': 'Listing withdrawn', 'key.rotated': 'Signing key rotated', 'compute.job.completed': 'Compute job completed',
      'asset.valuation.signed': 'Asset valuation signed',
    },
    entryTitle: (i: number) => `Ledger entry #${i}`, canonical: 'Canonical JSON (the text that was hashed)', pretty: 'Pretty-printed',
    prove: 'Prove inclusion', reprove: 'Prove again',
    proveHelp: (size: number) => `Fetches the audit path and verifies in your browser that this entry is in the signed tree of size ${size}.`,
    newerThanCheckpoint: 'This entry is newer than the checkpoint shown; refresh the checkpoint first.',
    inclusionOk: 'Inclusion verified', inclusionBad: 'Inclusion verification failed',
    inclusionOkDesc: (i: number, size: number) => `Entry #${i} is in the signed tree of size ${size}; everything was computed in this browser.`,
    step: {
      signature: 'Checkpoint signature (SM2)', alg: 'Hash algorithm', leaf: 'Leaf hash recomputed: SM3(0x00 ‖ entry)',
      path: 'Audit path fetched', root: 'Root recomputed along the audit path',
      older: (n: number) => `Signature of the checkpoint at size ${n}`, newer: (n: number) => `Signature of the checkpoint at size ${n}`,
      seen: 'Same root as this browser saw before', proof: 'Consistency proof (RFC 9162 §2.1.4)',
    },
    stepStatus: { ok: 'passed', fail: 'failed', skip: 'skipped' },
    computed: 'Computed here', server: 'From the server', signedRoot: 'Signed root', rememberedRoot: 'Root seen before',
    pathCount: (n: string) => `${n} hashes`, notRemembered: 'This browser remembers no root at this size',
    reason: {
      bodyMalformed: 'The signed body is not a checkpoint', bodyMismatch: 'The checkpoint fields differ from its signed body',
      badSignature: 'The SM2 signature does not match the body or the key',
      unsupportedAlg: 'The browser has SM3 only; this log uses another hash, verify it offline with the CLI',
      leafMismatch: 'The entry does not hash to its leaf hash', proofMismatch: 'The proof is for another entry or tree size',
      pathInvalid: 'The audit path is not valid', rootMismatch: 'The audit path leads to another root than the signed one',
      originMismatch: 'The two checkpoints belong to different logs',
      forked: 'The server now shows another root at this size than this browser saw: history may have been rewritten',
      consistencyInvalid: 'The consistency proof is not valid',
    },
    consistency: 'Consistency check',
    consistencyHelp: 'Proves that the newer tree contains the older one unchanged. This browser remembers the checkpoints it verified and starts from the size you saw last.',
    from: 'Older size', to: 'Newer size', check: 'Check consistency',
    lastSeen: (size: number, time: string) => `The latest earlier size this browser saw: ${size} (${time})`,
    nothingSeen: 'This browser remembers no earlier checkpoint yet; enter any signed tree size.',
    fromTooLarge: 'The older size may not exceed the newer one',
    consistencyOk: 'Consistent: the newer tree contains the older one', consistencyBad: 'Consistency check failed',
    consistencyOkDesc: (a: number, b: number) => `The log at size ${b} extends the log at size ${a} without rewriting any entry.`,
    offline: 'Verify offline', offlineHelp: 'Write a proof bundle with the shuliu CLI, then check it on any computer without a network:',
    offlineInclusion: 'Prove an entry is in the log', offlineConsistency: 'Prove the log between two sizes',
    offlineVerify: 'Check a bundle offline', offlinePin: 'pinning the platform key you trust',
  },
  apiError: apiErrorsEnUS,
  errors: {
    forbidden: 'Sorry, you are not allowed to open this page.', notFound: 'Sorry, this page does not exist.',
  },
  ...catalogEnUS,
  ...sharingEnUS,
  ...registryEnUS,
  ...settingsEnUS,
  ...consentEnUS,
  ...authSecurityEnUS,
  ...consentPersonEnUS,
  ...consentScenariosEnUS,
  ...consentOrgsEnUS,
  ...orgKeysEnUS,
  ...marketDemandsEnUS,
  ...marketEnUS,
  ...tradeEnUS,
  ...ordersEnUS,
  ...contractEnUS,
  ...tradeDeliveryEnUS,
  ...gatewayEnUS,
  ...settlementEnUS,
  ...computeEnUS,
  ...dcmmEnUS,
  ...qualityProgrammesEnUS,
  ...assetsEnUS,
  ...qualityEnUS,
};
