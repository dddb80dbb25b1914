"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { staffAction } from "@/lib/staff/staff-action";
import { deleteAnnouncement, saveAnnouncement } from "@/lib/staff/content/announcement-writes";
import {
  announcementForm,
  downloadCategoryForm,
  downloadForm,
  idForm,
  incidentForm,
  incidentUpdateForm,
  kbArticleForm,
  kbCategoryForm,
  resolveIncidentForm,
  serverForm,
} from "@/lib/staff/content/content-forms";
import { deleteDownloadCategory, removeDownload, saveDownloadCategory, uploadDownload } from "@/lib/staff/content/download-writes";
import { createIncident, postIncidentUpdate, resolveIncident } from "@/lib/staff/content/incident-writes";
import { deleteKbArticle, deleteKbCategory, saveKbArticle, saveKbCategory } from "@/lib/staff/content/kb-writes";
import { saveServer } from "@/lib/staff/content/server-writes";
import { uploadsFrom } from "@/lib/support/ticket-attachments";
import { CONTENT_ROLES, SERVER_ROLES } from "./roles";

const context = async () => ({ ip: clientIp(await headers()) });

// Announcements, the knowledge base, downloads and incidents: support staff (and admins, who may do
// everything); billing gets 403. Servers hold what the hosting panel is reached with: admins only.
const CONTENT = CONTENT_ROLES;
const SERVERS = SERVER_ROLES;

/** Every staff page of the section and the customers' pages that show what changed. */
function refreshed<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) {
    revalidatePath("/admin/contenido", "layout");
    revalidatePath("/soporte", "layout");
  }
  return result;
}

export const saveAnnouncementAction = staffAction({ schema: announcementForm, roles: CONTENT }, async (input, staff) => refreshed(await saveAnnouncement(staff, input, await context())));
export const deleteAnnouncementAction = staffAction({ schema: idForm, roles: CONTENT }, async (input, staff) => refreshed(await deleteAnnouncement(staff, input, await context())));

export const saveKbCategoryAction = staffAction({ schema: kbCategoryForm, roles: CONTENT }, async (input, staff) => refreshed(await saveKbCategory(staff, input, await context())));
export const deleteKbCategoryAction = staffAction({ schema: idForm, roles: CONTENT }, async (input, staff) => refreshed(await deleteKbCategory(staff, input, await context())));
export const saveKbArticleAction = staffAction({ schema: kbArticleForm, roles: CONTENT }, async (input, staff) => refreshed(await saveKbArticle(staff, input, await context())));
export const deleteKbArticleAction = staffAction({ schema: idForm, roles: CONTENT }, async (input, staff) => refreshed(await deleteKbArticle(staff, input, await context())));

export const saveDownloadCategoryAction = staffAction({ schema: downloadCategoryForm, roles: CONTENT }, async (input, staff) =>
  refreshed(await saveDownloadCategory(staff, input, await context())),
);
export const deleteDownloadCategoryAction = staffAction({ schema: idForm, roles: CONTENT }, async (input, staff) => refreshed(await deleteDownloadCategory(staff, input, await context())));
export const uploadDownloadAction = staffAction({ schema: downloadForm, roles: CONTENT }, async (input, staff, formData) =>
  refreshed(await uploadDownload(staff, input, uploadsFrom(formData.getAll("file")), await context())),
);
export const removeDownloadAction = staffAction({ schema: idForm, roles: CONTENT }, async (input, staff) => refreshed(await removeDownload(staff, input, await context())));

export const saveServerAction = staffAction({ schema: serverForm, roles: SERVERS }, async (input, staff) => refreshed(await saveServer(staff, input, await context())));

export const createIncidentAction = staffAction({ schema: incidentForm, roles: CONTENT }, async (input, staff) => refreshed(await createIncident(staff, input, await context())));
export const postIncidentUpdateAction = staffAction({ schema: incidentUpdateForm, roles: CONTENT }, async (input, staff) => refreshed(await postIncidentUpdate(staff, input, await context())));
export const resolveIncidentAction = staffAction({ schema: resolveIncidentForm, roles: CONTENT }, async (input, staff) => refreshed(await resolveIncident(staff, { issueId: input.issueId, message: input.resolution }, await context())));
