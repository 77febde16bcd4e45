// The columns of the nonconformity report template, in the order the template file lists them.
export const templateColumns = [
  'ref',
  'grade',
  'requirement',
  'statement',
  'evidence',
  'owner_email',
] as const;
export type TemplateColumn = (typeof templateColumns)[number];
/**
 * Which header in the file feeds each template column. A column not named is found by itself (template
 * name, remembered header, synonym); an empty string says "do not import this column".
 */
export type ColumnMapping = Partial<Record<TemplateColumn, string>>;
