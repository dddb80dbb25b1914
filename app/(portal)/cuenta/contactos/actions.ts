"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { contactFormSchema } from "@/lib/contacts/contact-input";
import { deleteContact } from "@/lib/contacts/delete-contact";
import { resendInvitation } from "@/lib/contacts/resend-invitation";
import { rowIdField } from "@/lib/row-id";
import { saveContact } from "@/lib/contacts/save-contact";

const PAGE = "/cuenta/contactos";

function pageFor(contactId: number | null, notice: string): string {
  const params = new URLSearchParams();
  if (contactId !== null) params.set("contacto", String(contactId));
  params.set("aviso", notice);
  return `${PAGE}?${params}`;
}

// saveContact validates the values itself and decides which of them this user may set (access and
// permissions only from the owner); the form schema only decides which fields are read.
export const saveContactAction = userAction({ schema: contactFormSchema, permission: "contacts" }, async (input, user) => {
  const result = await saveContact(user, input, clientIp(await headers()));
  if (!result.ok) return result;
  const notice = result.invitation === "sent" ? "invited" : result.invitation === "failed" ? "inviteFailed" : result.created ? "created" : "updated";
  revalidatePath(PAGE);
  // To the saved contact's own URL, so a new contact is selected and a reload does not post again.
  redirect(pageFor(result.contactId, notice));
});

const contactIdField = rowIdField("contacts.errors.notFound");

export const deleteContactAction = userAction(
  {
    schema: z.object({
      contactId: contactIdField,
      // Posted only by the confirmation dialog's button: a bare request without it deletes nothing.
      confirm: z.literal("yes", { error: "contacts.errors.confirmRequired" }),
    }),
    permission: "contacts",
  },
  async (input, user) => {
    const result = await deleteContact(user, input.contactId, clientIp(await headers()));
    if (!result.ok) return result;
    revalidatePath(PAGE);
    redirect(pageFor(null, "deleted"));
  },
);

export const resendInvitationAction = userAction({ schema: z.object({ contactId: contactIdField }), permission: "contacts" }, async (input, user) => {
  const result = await resendInvitation(user, input.contactId, clientIp(await headers()));
  if (!result.ok) return result;
  revalidatePath(PAGE);
  redirect(pageFor(input.contactId, "resent"));
});
