"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FieldFrame } from "@/app/_components/field-frame";
import { SubmitButton } from "@/app/_components/submit-button";
import { useRememberingForm } from "@/app/_components/use-remembering-form";
import { deleteDownloadCategoryAction, removeDownloadAction, saveDownloadCategoryAction, uploadDownloadAction } from "../actions";
import { CheckboxField, ConfirmDeleteButton, Outcome, SelectField, TextAreaField } from "./form-bits";

type Category = { id: number; name: string; description: string | null; sortOrder: number };

export function DownloadCategoryForm({ category }: { category?: Category }) {
  const t = useTranslations("adminContent.downloads");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(saveDownloadCategoryAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <input type="hidden" name="id" value={category ? String(category.id) : ""} />
      <Field name="name" label={t("categoryName")} defaultValue={submittedValue("name") ?? category?.name} error={fieldErrors?.name} />
      <TextAreaField name="description" label={t("categoryDescription")} defaultValue={submittedValue("description") ?? category?.description ?? ""} error={fieldErrors?.description} rows={3} />
      <Field name="sortOrder" label={t("sortOrder")} inputMode="numeric" defaultValue={submittedValue("sortOrder") ?? String(category?.sortOrder ?? 0)} error={fieldErrors?.sortOrder} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("saving")}>{category ? t("saveCategory") : t("createCategory")}</SubmitButton>
    </form>
  );
}

export function UploadDownloadForm({ categories, hint }: { categories: { id: number; name: string }[]; hint: string }) {
  const t = useTranslations("adminContent.downloads");
  const { formAction, formRef, formKey, result, fieldErrors, submittedValue } = useRememberingForm(uploadDownloadAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <SelectField
        name="categoryId"
        label={t("category")}
        defaultValue={submittedValue("categoryId") ?? ""}
        error={fieldErrors?.categoryId}
        options={[{ value: "", label: t("chooseCategory") }, ...categories.map((category) => ({ value: String(category.id), label: category.name }))]}
      />
      <Field name="title" label={t("titleField")} defaultValue={submittedValue("title")} error={fieldErrors?.title} />
      <TextAreaField name="description" label={t("descriptionField")} defaultValue={submittedValue("description")} error={fieldErrors?.description} rows={3} />
      <FieldFrame name="file" label={t("file")} hint={hint} error={fieldErrors?.file}>
        {({ id, describedBy }) => (
          <input
            id={id}
            name="file"
            type="file"
            accept=".png,.jpg,.jpeg,.gif,.pdf,.zip,.txt,.log"
            aria-invalid={fieldErrors?.file ? true : undefined}
            aria-describedby={describedBy}
            className="block w-full min-w-0 text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
        )}
      </FieldFrame>
      <CheckboxField name="clientsOnly" label={t("clientsOnly")} hint={t("clientsOnlyHint")} defaultChecked={submittedValue("clientsOnly") === "on"} />
      <Outcome result={result} fieldErrors={fieldErrors} />
      <SubmitButton pendingLabel={t("uploading")}>{t("upload")}</SubmitButton>
    </form>
  );
}

export function RemoveDownloadButton({ id, title }: { id: number; title: string }) {
  const t = useTranslations("adminContent.downloads");
  return <ConfirmDeleteButton action={removeDownloadAction} id={id} label={t("remove", { title })} question={t("removeQuestion", { title })} confirmLabel={t("removeConfirm")} />;
}

export function DeleteDownloadCategoryButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("adminContent.downloads");
  return <ConfirmDeleteButton action={deleteDownloadCategoryAction} id={id} label={t("deleteCategory", { name })} question={t("deleteCategoryQuestion", { name })} confirmLabel={t("deleteConfirm")} />;
}
