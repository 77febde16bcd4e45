import type { ActionStatus } from '../vocabulary/index.ts';
// Tables of the remediation planner (migration 0004-planning).

export interface PlanTaskTable {
  id: string;
  organisation_id: string;
  finding_id: string | null;
  title: string;
  description: string;
  owner_user_id: string | null;
  effort_days: number;
  earliest_start_on: string | null;
  due_on: string | null;
  serves: string;
  status: ActionStatus;
  created_at: string;
  updated_at: string;
}

export interface TaskDependencyTable {
  id: string;
  organisation_id: string;
  predecessor_id: string;
  successor_id: string;
  lag_days: number;
  created_at: string;
}

export interface PersonCapacityTable {
  organisation_id: string;
  user_id: string;
  share: number;
  weekdays_json: string;
  updated_at: string;
}

export interface TimeOffTable {
  id: string;
  organisation_id: string;
  user_id: string;
  starts_on: string;
  ends_on: string;
  reason: string;
}

export interface PlanScenarioTable {
  id: string;
  organisation_id: string;
  name: string;
  changes_json: string;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface TaskCommentTable {
  id: string;
  organisation_id: string;
  task_id: string;
  parent_id: string | null;
  author_id: string | null;
  author_label: string;
  body: string;
  mentions_json: string;
  attachment_id: string | null;
  created_at: string;
}

export interface ConversationReadTable {
  organisation_id: string;
  user_id: string;
  subject_id: string;
  read_at: string;
}

export interface NotificationSentTable {
  organisation_id: string;
  key: string;
  sent_at: string;
}

export interface CalendarFeedTable {
  id: string;
  organisation_id: string;
  user_id: string;
  scope: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface TeamTable {
  id: string;
  organisation_id: string;
  name: string;
  created_at: string;
}

export interface TeamMemberTable {
  team_id: string;
  organisation_id: string;
  user_id: string;
}

export interface PlanningTables {
  team: TeamTable;
  team_member: TeamMemberTable;
  plan_task: PlanTaskTable;
  task_dependency: TaskDependencyTable;
  person_capacity: PersonCapacityTable;
  time_off: TimeOffTable;
  plan_scenario: PlanScenarioTable;
  task_comment: TaskCommentTable;
  conversation_read: ConversationReadTable;
  notification_sent: NotificationSentTable;
  calendar_feed: CalendarFeedTable;
}
