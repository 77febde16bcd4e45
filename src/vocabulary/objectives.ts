// Information security objectives (ISO/IEC 27001:2022 6.2): where an objective stands, and which way its
// indicator must move to meet the target.

export const objectiveStatuses = ['planned', 'in_progress', 'achieved', 'not_achieved', 'withdrawn'] as const;
export type ObjectiveStatus = (typeof objectiveStatuses)[number];
export const objectiveStatusLabels: Record<ObjectiveStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  achieved: 'Achieved',
  not_achieved: 'Not achieved',
  withdrawn: 'Withdrawn',
};

/** At least the target (availability, training completion) or at most (incidents, days to patch). */
export const targetDirections = ['at_least', 'at_most'] as const;
export type TargetDirection = (typeof targetDirections)[number];

export const objectiveProgresses = ['not_measured', 'on_target', 'off_target'] as const;
export type ObjectiveProgress = (typeof objectiveProgresses)[number];
export const objectiveProgressLabels: Record<ObjectiveProgress, string> = {
  not_measured: 'Not measured yet',
  on_target: 'On target',
  off_target: 'Off target',
};
