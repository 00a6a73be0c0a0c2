import type { DownloadAnswer, DownloadField } from "../api/downloadEndpoints";

/** The form's values by field id, as the dialog collects them; a terms field holds "true" once accepted. */
export type DownloadFormValues = Readonly<Record<string, string>>;

/** What is wrong with one field's answer, said for the person filling in the form. */
export interface AnswerProblem {
  fieldId: string;
  message: string;
}

const TERMS = "TermsAndConditions";

/** True for a field that is the library's terms of use, which the person must accept. */
export function isTermsField(field: DownloadField): boolean {
  return field.type === TERMS;
}

/**
 * The answers the library's download rules still lack: terms not accepted, a required field left empty, a choice
 * that is not one of the field's options. Empty when the form may be sent.
 */
export function answerProblems(
  fields: readonly DownloadField[],
  values: DownloadFormValues,
): AnswerProblem[] {
  return fields.flatMap((field): AnswerProblem[] => {
    const value = (values[field.id] ?? "").trim();
    if (isTermsField(field)) {
      // Terms are there to be accepted, whether or not MediaValet marks them required.
      return value === "true" ? [] : [{ fieldId: field.id, message: `Accept the terms: ${field.label}.` }];
    }
    if (value === "") {
      return field.isRequired ? [{ fieldId: field.id, message: `Answer “${field.label}”.` }] : [];
    }
    if (field.options.length > 0 && !field.options.some((option) => option.value === value)) {
      return [{ fieldId: field.id, message: `Choose one of the listed answers for “${field.label}”.` }];
    }
    return [];
  });
}

/** The answers to send back as `attributeIdValues`: every field with a value, in the form's order. */
export function toDownloadAnswers(
  fields: readonly DownloadField[],
  values: DownloadFormValues,
): DownloadAnswer[] {
  return fields.flatMap((field) => {
    const value = (values[field.id] ?? "").trim();
    return value === "" ? [] : [{ fieldId: field.id, value }];
  });
}
