"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { deleteKbArticleAction, deleteKbCategoryAction, saveKbArticleAction, saveKbCategoryAction } from "../actions";
import { BodyField } from "./body-field";
import { CheckboxField, ConfirmDeleteButton, Outcome, SelectField, TextAreaField } from "./form-bits";

type Category = { id: number; name: string; slug: string; description: string | null; sortOrder: number; hidden: boolean };

export function KbCategoryForm({ category }: { category?: Category }) {
  const t = useTranslations("adminContent.kb");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(saveKbCategoryAction);
  const failed = result && !result.ok;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <input type="hidden" name="id" value={category ? String(category.id) : ""} />
      <Field name="name" label={t("categoryName")} defaultValue={submittedValue("name") ?? category?.name} error={fieldErrors?.name} />
      <Field name="slug" label={t("slug")} hint={t("slugHint")} defaultValue={submittedValue("slug") ?? category?.slug} error={fieldErrors?.slug} />
      <TextAreaField name="description" label={t("categoryDescription")} defaultValue={submittedValue("description") ?? category?.description ?? ""} error={fieldErrors?.description} rows={3} />
      <Field name="sortOrder" label={t("sortOrder")} inputMode="numeric" defaultValue={submittedValue("sortOrder") ?? String(category?.sortOrder ?? 0)} error={fieldErrors?.sortOrder} />
      <CheckboxField name="hidden" label={t("hidden")} hint={t("hiddenHint")} defaultChecked={failed ? submittedValue("hidden") === "on" : (category?.hidden ?? false)} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("saving")}>{category ? t("saveCategory") : t("createCategory")}</SubmitButton>
    </form>
  );
}

type Article = { id: number; title: string; slug: string; categoryId: number; body: string; published: boolean };

export function KbArticleForm({ article, categories }: { article?: Article; categories: { id: number; name: string }[] }) {
  const t = useTranslations("adminContent.kb");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(saveKbArticleAction);
  const failed = result && !result.ok;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <input type="hidden" name="id" value={article ? String(article.id) : ""} />
      <Field name="title" label={t("titleField")} defaultValue={submittedValue("title") ?? article?.title} error={fieldErrors?.title} />
      <Field name="slug" label={t("slug")} hint={t("slugHint")} defaultValue={submittedValue("slug") ?? article?.slug} error={fieldErrors?.slug} />
      <SelectField
        name="categoryId"
        label={t("category")}
        defaultValue={submittedValue("categoryId") ?? (article ? String(article.categoryId) : "")}
        error={fieldErrors?.categoryId}
        options={[{ value: "", label: t("chooseCategory") }, ...categories.map((category) => ({ value: String(category.id), label: category.name }))]}
      />
      <BodyField kind="kb" defaultValue={submittedValue("body") ?? article?.body} error={fieldErrors?.body} />
      <CheckboxField name="published" label={t("published")} hint={t("publishedHint")} defaultChecked={failed ? submittedValue("published") === "on" : (article?.published ?? true)} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("saving")}>{article ? t("saveArticle") : t("createArticle")}</SubmitButton>
    </form>
  );
}

export function DeleteKbArticleButton({ id, title }: { id: number; title: string }) {
  const t = useTranslations("adminContent.kb");
  return <ConfirmDeleteButton action={deleteKbArticleAction} id={id} label={t("deleteArticle", { title })} question={t("deleteArticleQuestion", { title })} confirmLabel={t("deleteConfirm")} />;
}

export function DeleteKbCategoryButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("adminContent.kb");
  return <ConfirmDeleteButton action={deleteKbCategoryAction} id={id} label={t("deleteCategory", { name })} question={t("deleteCategoryQuestion", { name })} confirmLabel={t("deleteConfirm")} />;
}
