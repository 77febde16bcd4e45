import type { Grade } from '../../../src/vocabulary/grades.ts';

/** One badge colour per grade, everywhere a grade is shown: a new grade fails to compile until it has one. */
export const gradeColour: Record<Grade, string> = {
  major: 'red',
  minor: 'orange',
  ofi: 'blue',
  observation: 'gray',
  positive: 'teal',
};

/** The colour of a grade the server sent as a plain string (an unknown one shows grey, never breaks). */
export const colourOfGrade = (g: string): string =>
  Object.hasOwn(gradeColour, g) ? gradeColour[g as Grade] : 'gray';
