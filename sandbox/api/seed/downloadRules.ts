/**
 * The library's download rules: before any download, the person must accept the terms of use and say what the
 * download is for. MediaValet answers `POST /downloads/validate` with `preconditions` and a `customFormDetails` form
 * (field groups of fields); the answers go back as `attributeIdValues: [{ fieldId, value }]`.
 */
export const TERMS_FIELD_ID = "d1a7c0de-7e57-4a11-9b00-000000000001";
export const PURPOSE_FIELD_ID = "d1a7c0de-7e57-4a11-9b00-000000000002";

export const TERMS_TEXT =
  "Assets may be used only for Sample Co. business. Credit the photographer where a credit is given, and do not " +
  "pass files on to third parties.";

export const PURPOSES = ["Print", "Web", "Social media", "Internal presentation"] as const;

export const DOWNLOAD_PRECONDITIONS = ["TermsAndConditions", "CustomForm"];

export const DOWNLOAD_FORM = {
  fieldGroups: [
    {
      groupId: "d1a7c0de-7e57-4a11-9b00-0000000000a1",
      groupName: "Before you download",
      fields: [
        {
          id: TERMS_FIELD_ID,
          label: "I accept the terms of use",
          type: "TermsAndConditions",
          isRequired: true,
          sequence: 1,
          description: TERMS_TEXT,
          listItems: [],
        },
        {
          id: PURPOSE_FIELD_ID,
          label: "What is the download for?",
          type: "Dropdown",
          isRequired: true,
          sequence: 2,
          description: "",
          listItems: PURPOSES.map((purpose) => ({ label: purpose, value: purpose })),
        },
      ],
      defaultAction: 0,
    },
  ],
  dependencies: [],
};

/** The problems with a form's answers, one per field; none when the rules are met. */
export function checkDownloadForm(answers: unknown): { fieldId: string; message: string }[] {
  const values = new Map<string, string>();
  if (Array.isArray(answers)) {
    for (const answer of answers as unknown[]) {
      if (typeof answer !== "object" || answer === null) continue;
      const { fieldId, value } = answer as { fieldId?: unknown; value?: unknown };
      if (typeof fieldId === "string" && typeof value === "string") values.set(fieldId.toLowerCase(), value);
    }
  }
  const errors: { fieldId: string; message: string }[] = [];
  if (values.get(TERMS_FIELD_ID)?.toLowerCase() !== "true") {
    errors.push({ fieldId: TERMS_FIELD_ID, message: 'The terms of use must be accepted (value "true").' });
  }
  const purpose = values.get(PURPOSE_FIELD_ID);
  if (!PURPOSES.some((candidate) => candidate === purpose)) {
    errors.push({ fieldId: PURPOSE_FIELD_ID, message: `Choose one of: ${PURPOSES.join(", ")}.` });
  }
  return errors;
}
