/** RFC 6266 / 5987: a download's file name in ASCII for old clients and in UTF-8 for the rest. */
export const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
