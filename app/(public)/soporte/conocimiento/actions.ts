"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction, type ActionResult } from "@/lib/actions";
import { currentKbVoterKey } from "@/lib/support/kb-voter";
import { voteOnKbArticle } from "@/lib/support/knowledge-base";
import { rowIdField } from "@/lib/row-id";

const voteSchema = z.object({ articleId: rowIdField(), helpful: z.enum(["yes", "no"]) });

/** "¿Fue útil la respuesta?": signed in or not; a second answer from the same voter changes nothing. */
export const voteOnArticleAction = publicAction({ schema: voteSchema }, async ({ articleId, helpful }): Promise<ActionResult<{ helpfulYes: number }>> => {
  const voterKey = await currentKbVoterKey({ create: true });
  const result = voterKey === null ? null : await voteOnKbArticle(articleId, voterKey, helpful === "yes");
  if (!result) return { ok: false, error: "knowledge.vote.notFound" };
  revalidatePath("/soporte/conocimiento");
  return { ok: true, data: { helpfulYes: result.helpfulYes }, message: result.recorded ? "knowledge.vote.thanks" : "knowledge.vote.already" };
});
