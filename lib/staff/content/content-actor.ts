import type { StaffUser } from "../staff-session";

export type ContentActor = Pick<StaffUser, "staffUserId">;
export type ContentContext = { ip: string | null };
