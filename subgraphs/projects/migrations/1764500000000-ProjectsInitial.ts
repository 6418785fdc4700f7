import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addSyncRunDeletedCount,
  createJobTables,
  dropJobTables,
} from '../../../shared/jobs/tables';
import { createMailTables, dropMailTables } from '../../../shared/mail/tables';
import { createSeedScaleTable } from '../../../shared/seed/scale';

/*
 * What the tables hold: projects' model (the entities say what each column means). Rules that one row can show are CHECKs; rules across
 * rows that a foreign key can carry are foreign keys, some on generated columns that exist only
 * for that (owner_kind, user_kind, is_subtask, parent_is_subtask: the entities leave them out).
 * What neither can say is the services' to enforce, with the rows concerned locked:
 * - a CLIENT member or owner of a project belongs to the project's client;
 * - in a fixed-schedule project no task ends after the project (PRJ-6), which is checked when a
 *   task's end date or the project's changes, and refused when the change comes from desk;
 * - a subtask is not reopened while its parent is CLOSED (PRJ-7, refused from desk);
 * - a task is added to the CRM only when the project's client is linked to a desk account, for
 *   that account, an unlinked one of the same name, or a deal in project_deal (PRJ-4);
 * - that desk ids (accounts, deals, agents, contacts, CRM tasks, comments) exist: they are
 *   another subgraph's rows, which projects never reads but through desk's API.
 */

export class ProjectsInitial1764500000000 implements MigrationInterface {
  name = 'ProjectsInitial1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // PRJ-6/7 refusals mail their author through the outbox; it comes first so that nothing of
    // projects' own needs to be dropped before it.
    await createMailTables(queryRunner, 'projects');
    // Timestamps that list cursors carry are kept to the millisecond (see the desk migration).
    await queryRunner.query(`
      -- PRJ-2: a desk account is linked to at most one client. PRJ-4 also looks clients and
      -- accounts up by name, case aside.
      CREATE TABLE projects.client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        desk_account_id uuid UNIQUE,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX client_name_idx ON projects.client (lower(name));
      -- PRJ-1: INTERNAL users come from desk agents, CLIENT users from desk contacts and belong
      -- to a client; either may also be made in projects (no desk id, no imported_at). The
      -- (id, kind) key lets project owners and members be checked for their kind.
      CREATE TABLE projects."user" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('INTERNAL','CLIENT')),
        name text NOT NULL CHECK (btrim(name) <> ''),
        email text NOT NULL UNIQUE CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
        desk_agent_id uuid UNIQUE,
        desk_contact_id uuid UNIQUE,
        client_id uuid REFERENCES projects.client(id),
        active boolean NOT NULL DEFAULT true,
        imported_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (id, kind),
        CHECK (kind = 'INTERNAL' OR desk_agent_id IS NULL),
        CHECK (kind = 'CLIENT' OR (desk_contact_id IS NULL AND client_id IS NULL)),
        CHECK (kind = 'INTERNAL' OR client_id IS NOT NULL),
        CHECK (imported_at IS NULL OR num_nonnulls(desk_agent_id, desk_contact_id) = 1)
      );
      CREATE INDEX user_client_idx ON projects."user" (client_id) WHERE client_id IS NOT NULL;
      -- Keys are PRJ-<n>, n from project_number_seq (the seed moves it past its own).
      CREATE SEQUENCE projects.project_number_seq;
      CREATE TABLE projects.project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE CHECK (key ~ '^[A-Z][A-Z0-9]*-[1-9][0-9]*$'),
        name text NOT NULL CHECK (btrim(name) <> ''),
        description text,
        owner_user_id uuid NOT NULL,
        -- The owner is an INTERNAL user: only there for the foreign key.
        owner_kind text NOT NULL GENERATED ALWAYS AS ('INTERNAL') STORED,
        start_date date NOT NULL,
        end_date date NOT NULL,
        fixed_schedule boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'ACTIVE'
          CHECK (status IN ('ACTIVE','ON_HOLD','COMPLETED','CANCELLED')),
        client_id uuid REFERENCES projects.client(id),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        FOREIGN KEY (owner_user_id, owner_kind) REFERENCES projects."user" (id, kind)
      );
      -- PRJ-2's panel: an account's projects are its client's.
      CREATE INDEX project_client_idx ON projects.project (client_id, start_date DESC, id)
        WHERE client_id IS NOT NULL;
      CREATE INDEX project_owner_idx ON projects.project (owner_user_id);
      -- PRJ-4: the deals a task can be added to the CRM for; Deal.projects reads it by deal.
      CREATE TABLE projects.project_deal (
        project_id uuid NOT NULL REFERENCES projects.project(id) ON DELETE CASCADE,
        desk_deal_id uuid NOT NULL,
        PRIMARY KEY (project_id, desk_deal_id)
      );
      CREATE INDEX project_deal_deal_idx ON projects.project_deal (desk_deal_id);
      -- CLIENT is the role of CLIENT users, MANAGER and MEMBER of INTERNAL ones.
      CREATE TABLE projects.project_user (
        project_id uuid NOT NULL REFERENCES projects.project(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('MANAGER','MEMBER','CLIENT')),
        user_kind text NOT NULL
          GENERATED ALWAYS AS (CASE WHEN role = 'CLIENT' THEN 'CLIENT' ELSE 'INTERNAL' END) STORED,
        PRIMARY KEY (project_id, user_id),
        FOREIGN KEY (user_id, user_kind) REFERENCES projects."user" (id, kind)
      );
      CREATE INDEX project_user_user_idx ON projects.project_user (user_id);
      CREATE TABLE projects.task_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects.project(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (btrim(name) <> ''),
        position integer NOT NULL CHECK (position > 0),
        UNIQUE (project_id, position) DEFERRABLE INITIALLY IMMEDIATE,
        UNIQUE (id, project_id)
      );
      -- A task's list and parent are of its own project (the composite foreign keys). Subtasks go
      -- one level deep: a parent must have is_subtask false, which parent_is_subtask asks of it;
      -- giving a task with subtasks a parent of its own changes its is_subtask and is refused by
      -- its subtasks' foreign key. Deleting a list leaves its tasks without one; deleting a task
      -- deletes its subtasks.
      -- 100 percent is exactly CLOSED, so a task reopened (PRJ-3) is put back below 100 by the
      -- service. A CRM link (PRJ-4/5) has its desk task, exactly one of account and deal, and the
      -- moment it was made; without a desk task none of the crm_ columns are set. crm_synced_hash
      -- (SHA-256 hex, as books' synced_hash) and crm_synced_at are set together.
      CREATE TABLE projects.task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects.project(id) ON DELETE CASCADE,
        task_list_id uuid,
        parent_task_id uuid,
        is_subtask boolean NOT NULL GENERATED ALWAYS AS (parent_task_id IS NOT NULL) STORED,
        parent_is_subtask boolean NOT NULL GENERATED ALWAYS AS (false) STORED,
        subject text NOT NULL CHECK (btrim(subject) <> ''),
        description text,
        start_date date,
        end_date date,
        priority text NOT NULL DEFAULT 'NONE' CHECK (priority IN ('NONE','LOW','MEDIUM','HIGH')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','IN_PROGRESS','CLOSED')),
        percent_complete smallint NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),
        desk_crm_task_id uuid UNIQUE,
        crm_account_id uuid,
        crm_deal_id uuid,
        crm_linked_at timestamptz,
        crm_synced_hash text CHECK (crm_synced_hash ~ '^[0-9a-f]{64}$'),
        crm_synced_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, project_id, is_subtask),
        CHECK (parent_task_id <> id),
        CHECK (end_date >= start_date),
        CHECK ((percent_complete = 100) = (status = 'CLOSED')),
        CHECK (CASE WHEN desk_crm_task_id IS NULL
          THEN num_nonnulls(crm_account_id, crm_deal_id, crm_linked_at, crm_synced_hash,
            crm_synced_at) = 0
          ELSE num_nonnulls(crm_account_id, crm_deal_id) = 1 AND crm_linked_at IS NOT NULL END),
        CHECK ((crm_synced_hash IS NULL) = (crm_synced_at IS NULL)),
        FOREIGN KEY (task_list_id, project_id) REFERENCES projects.task_list (id, project_id)
          ON DELETE SET NULL (task_list_id),
        FOREIGN KEY (parent_task_id, project_id, parent_is_subtask)
          REFERENCES projects.task (id, project_id, is_subtask) ON DELETE CASCADE
      );
      -- PRJ-2's progress (open / closed tasks, percent complete) reads a project's tasks by status.
      CREATE INDEX task_project_status_idx ON projects.task (project_id, status)
        INCLUDE (percent_complete);
      CREATE INDEX task_list_idx ON projects.task (task_list_id) WHERE task_list_id IS NOT NULL;
      CREATE INDEX task_parent_idx ON projects.task (parent_task_id)
        WHERE parent_task_id IS NOT NULL;
      -- Desk's events find their task through the unique desk_crm_task_id; a deal's linked tasks:
      CREATE INDEX task_crm_deal_idx ON projects.task (crm_deal_id) WHERE crm_deal_id IS NOT NULL;
      -- position orders the owners: the first one's desk agent owns the desk task (PRJ-3).
      CREATE TABLE projects.task_owner (
        task_id uuid NOT NULL REFERENCES projects.task(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES projects."user"(id),
        position smallint NOT NULL CHECK (position > 0),
        PRIMARY KEY (task_id, user_id),
        UNIQUE (task_id, position) DEFERRABLE INITIALLY IMMEDIATE
      );
      CREATE INDEX task_owner_user_idx ON projects.task_owner (user_id);
      -- A comment written in projects, or brought over from desk; desk_comment_id is the desk
      -- comment either way, so a comment crosses once. A desk agent not imported has only a name.
      CREATE TABLE projects.task_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES projects.task(id) ON DELETE CASCADE,
        author_user_id uuid REFERENCES projects."user"(id),
        author_name text NOT NULL CHECK (btrim(author_name) <> ''),
        body text NOT NULL CHECK (btrim(body) <> ''),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        desk_comment_id uuid UNIQUE
      );
      CREATE INDEX task_comment_task_idx ON projects.task_comment (task_id, created_at, id);
      -- PRJ-6/7: one refusal per desk event, so a redelivered event is neither refused nor mailed
      -- twice; author_email is null when no agent was behind the change.
      CREATE TABLE projects.crm_update_refusal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES projects.task(id) ON DELETE CASCADE,
        desk_crm_task_id uuid NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        rule text NOT NULL CHECK (rule IN ('FIXED_SCHEDULE','PARENT_COMPLETED')),
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        author_email text CHECK (author_email = lower(btrim(author_email))),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX crm_update_refusal_task_idx
        ON projects.crm_update_refusal (task_id, created_at DESC);
      -- Per desk profile (graphql-shield): create & edit needs view, add to CRM needs create &
      -- edit. A profile without a row may do nothing.
      CREATE TABLE projects.profile_permission (
        profile_id uuid PRIMARY KEY,
        view_projects boolean NOT NULL,
        create_edit_tasks boolean NOT NULL,
        add_to_crm boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (view_projects OR NOT create_edit_tasks),
        CHECK (create_edit_tasks OR NOT add_to_crm)
      );
    `);
    // PRJ-1 imports are sync runs; desk's CRM task events are consumed exactly once through
    // processed_event, and projects' own task events leave through the outbox.
    await createJobTables(queryRunner, 'projects');
    await addSyncRunDeletedCount(queryRunner, 'projects');
    await createSeedScaleTable(queryRunner, 'projects');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropJobTables(queryRunner, 'projects');
    await queryRunner.query(`
      DROP TABLE projects.demo_seed, projects.profile_permission, projects.crm_update_refusal,
        projects.task_comment, projects.task_owner, projects.task, projects.task_list,
        projects.project_user, projects.project_deal, projects.project, projects."user",
        projects.client;
      DROP SEQUENCE projects.project_number_seq;
    `);
    await dropMailTables(queryRunner, 'projects');
  }
}
