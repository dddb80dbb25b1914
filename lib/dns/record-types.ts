// The editor's record types and CAA tags, without any server-only import (the editor component uses them).
export const EDITOR_RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "URL", "FRAME"] as const;
export type EditorRecordType = (typeof EDITOR_RECORD_TYPES)[number];
export const CAA_TAGS = ["issue", "issuewild", "iodef"] as const;
