/* td-schema.c: the database schema as numbered migrations.
 *
 * A step is never edited once released: a change to the schema is a new step at the end.  Each
 * step runs in its own transaction together with the PRAGMA user_version that records it, so a
 * file is always exactly at one version. */
#include "td-schema.h"

static const TdMigration migrations[] = {
  { 1, "campaign, targets, units, self-assessments, evidence, awards, audit log",
    "CREATE TABLE campaign ("
    "  id TEXT PRIMARY KEY,"
    "  title TEXT NOT NULL,"
    "  province TEXT NOT NULL,"
    "  plan_ref TEXT NOT NULL DEFAULT '',"
    "  starts_on TEXT NOT NULL,"
    "  ends_on TEXT NOT NULL);"
    "CREATE TABLE round ("
    "  id INTEGER PRIMARY KEY,"
    "  campaign_id TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
    "  number INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  ends_on TEXT NOT NULL,"
    "  UNIQUE (campaign_id, number));"
    "CREATE TABLE target_group ("
    "  id TEXT NOT NULL,"
    "  campaign_id TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  PRIMARY KEY (campaign_id, id));"
    "CREATE TABLE target ("
    "  id INTEGER PRIMARY KEY,"
    "  campaign_id TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
    "  number INTEGER NOT NULL CHECK (number > 0),"
    "  text TEXT NOT NULL,"
    "  group_id TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('ratio', 'index')),"
    "  comparator TEXT NOT NULL CHECK (comparator IN ('eq', 'gt', 'ge')),"
    "  threshold REAL NOT NULL,"
    "  numerator_label TEXT NOT NULL DEFAULT '',"
    "  denominator_label TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (campaign_id, number));"
    "CREATE TABLE standard ("
    "  id INTEGER PRIMARY KEY,"
    "  campaign_id TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
    "  code TEXT NOT NULL,"
    "  subject TEXT NOT NULL CHECK (subject IN ('collective', 'individual')),"
    "  for_teams INTEGER NOT NULL DEFAULT 0,"
    "  text TEXT NOT NULL,"
    "  UNIQUE (campaign_id, code));"
    "CREATE TABLE unit ("
    "  id INTEGER PRIMARY KEY,"
    "  code TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('province', 'department', 'commune', 'ward',"
    "                                     'enterprise', 'organisation', 'team-commune', 'team-village')),"
    "  parent_id INTEGER REFERENCES unit(id));"
    "CREATE TABLE assessment ("
    "  id INTEGER PRIMARY KEY,"
    "  unit_id INTEGER NOT NULL REFERENCES unit(id),"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  status TEXT NOT NULL DEFAULT 'draft'"
    "    CHECK (status IN ('draft', 'submitted', 'received', 'returned', 'appraised')),"
    "  status_reason TEXT,"
    "  revision INTEGER NOT NULL DEFAULT 1,"
    "  updated_at TEXT NOT NULL,"
    "  UNIQUE (unit_id, round_id));"
    "CREATE TABLE assessment_value ("
    "  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
    "  target_id INTEGER NOT NULL REFERENCES target(id),"
    "  numerator INTEGER,"
    "  denominator INTEGER,"
    "  index_value REAL,"
    "  not_applicable INTEGER NOT NULL DEFAULT 0,"
    "  na_reason TEXT,"
    "  note TEXT,"
    "  updated_at TEXT NOT NULL,"
    "  PRIMARY KEY (assessment_id, target_id)) WITHOUT ROWID;"
    "CREATE TABLE attestation ("
    "  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
    "  standard_id INTEGER NOT NULL REFERENCES standard(id),"
    "  attested INTEGER NOT NULL DEFAULT 0,"
    "  justification TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL,"
    "  PRIMARY KEY (assessment_id, standard_id)) WITHOUT ROWID;"
    "CREATE TABLE evidence_blob ("
    "  sha256 TEXT PRIMARY KEY,"
    "  size INTEGER NOT NULL,"
    "  page_count INTEGER NOT NULL,"
    "  data BLOB NOT NULL);"
    "CREATE TABLE decision ("
    "  id INTEGER PRIMARY KEY,"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  level TEXT NOT NULL CHECK (level IN ('bang-khen', 'giay-khen')),"
    "  number TEXT NOT NULL DEFAULT '',"
    "  signed_on TEXT,"
    "  authority TEXT NOT NULL,"
    "  signer_title TEXT NOT NULL,"
    "  signer_name TEXT NOT NULL,"
    "  proposer TEXT NOT NULL DEFAULT '',"
    "  bases TEXT NOT NULL DEFAULT '[]',"
    "  recipients TEXT NOT NULL DEFAULT '[]',"
    "  created_at TEXT NOT NULL);"
    "CREATE TABLE nomination ("
    "  id INTEGER PRIMARY KEY,"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  subject TEXT NOT NULL CHECK (subject IN ('collective', 'individual')),"
    "  unit_id INTEGER NOT NULL REFERENCES unit(id),"
    "  proposer_id INTEGER NOT NULL REFERENCES unit(id),"
    "  person_name TEXT,"
    "  person_position TEXT,"
    "  level TEXT NOT NULL CHECK (level IN ('bang-khen', 'giay-khen')),"
    "  achievement TEXT NOT NULL DEFAULT '',"
    "  standards_attested INTEGER NOT NULL DEFAULT 0,"
    "  status TEXT NOT NULL DEFAULT 'proposed'"
    "    CHECK (status IN ('proposed', 'appraised', 'approved', 'decided', 'returned')),"
    "  status_reason TEXT,"
    "  decision_id INTEGER REFERENCES decision(id),"
    "  CHECK ((subject = 'individual') = (person_name IS NOT NULL)));"
    "CREATE TABLE evidence ("
    "  id INTEGER PRIMARY KEY,"
    "  sha256 TEXT NOT NULL REFERENCES evidence_blob(sha256),"
    "  file_name TEXT NOT NULL,"
    "  added_at TEXT NOT NULL,"
    "  assessment_id INTEGER REFERENCES assessment(id) ON DELETE CASCADE,"
    "  target_id INTEGER REFERENCES target(id),"
    "  standard_id INTEGER REFERENCES standard(id),"
    "  nomination_id INTEGER REFERENCES nomination(id) ON DELETE CASCADE,"
    "  verdict TEXT NOT NULL DEFAULT 'unreviewed'"
    "    CHECK (verdict IN ('unreviewed', 'accepted', 'needs-more', 'rejected')),"
    "  verdict_comment TEXT NOT NULL DEFAULT '',"
    "  reviewed_by TEXT,"
    "  reviewed_at TEXT,"
    /* An evidence belongs to exactly one thing: a target's value, an attestation or a nomination. */
    "  CHECK ((assessment_id IS NOT NULL AND (target_id IS NULL) <> (standard_id IS NULL)"
    "          AND nomination_id IS NULL)"
    "      OR (assessment_id IS NULL AND target_id IS NULL AND standard_id IS NULL"
    "          AND nomination_id IS NOT NULL)));"
    "CREATE TABLE audit ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  actor TEXT NOT NULL,"
    "  entity TEXT NOT NULL,"
    "  entity_id INTEGER,"
    "  unit_code TEXT,"
    "  field TEXT NOT NULL,"
    "  old_value TEXT,"
    "  new_value TEXT,"
    "  reason TEXT);"
  },
  { 2, "settings kept in the file, indexes for the roll-up and the audit log",
    "CREATE TABLE meta ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE INDEX assessment_round ON assessment (round_id, status);"
    "CREATE INDEX assessment_value_target ON assessment_value (target_id);"
    "CREATE INDEX audit_unit ON audit (unit_code, id);"
    "CREATE INDEX evidence_owner ON evidence (assessment_id, target_id, standard_id);"
    "CREATE INDEX nomination_round ON nomination (round_id, status);"
  },
  { 3, "earlier revisions of a resubmitted self-assessment",
    "CREATE TABLE assessment_revision ("
    "  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
    "  revision INTEGER NOT NULL,"
    "  archived_at TEXT NOT NULL,"
    "  snapshot TEXT NOT NULL,"  /* JSON of the values and attestations of that revision */
    "  PRIMARY KEY (assessment_id, revision)) WITHOUT ROWID;"
  },
  { 4, "every part of a decision's text stored with it, so drafts are edited, not regenerated",
    "ALTER TABLE decision ADD COLUMN governing_body TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE decision ADD COLUMN issuing_body TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE decision ADD COLUMN number_suffix TEXT NOT NULL DEFAULT 'QĐ-UBND';"
    "ALTER TABLE decision ADD COLUMN place TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE decision ADD COLUMN summary TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE decision ADD COLUMN articles TEXT NOT NULL DEFAULT '[]';"
    "ALTER TABLE decision ADD COLUMN list_title TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE decision ADD COLUMN issuer_short TEXT NOT NULL DEFAULT '';"
    "CREATE INDEX nomination_decision ON nomination (decision_id);"
  },
  { 5, "the board's trust list, each unit's signing certificates, and how a submission was signed",
    "CREATE TABLE trust_anchor ("
    "  fingerprint TEXT PRIMARY KEY,"
    "  subject TEXT NOT NULL,"
    "  der BLOB NOT NULL,"
    "  added_at TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE unit_certificate ("
    "  unit_id INTEGER NOT NULL REFERENCES unit(id),"
    "  fingerprint TEXT NOT NULL,"
    "  subject TEXT NOT NULL,"
    "  der BLOB NOT NULL,"
    "  added_at TEXT NOT NULL,"
    "  PRIMARY KEY (unit_id, fingerprint)) WITHOUT ROWID;"
    /* NULL: typed in this database; '': received in an unsigned package; else the signer. */
    "ALTER TABLE assessment ADD COLUMN received_signature TEXT;"
  },
  { 6, "what the board received kept apart from what it decided",
    /* The digest of the content of the revision received, to tell a resubmission of the same
     * revision with other figures from the same package imported twice. */
    "ALTER TABLE assessment ADD COLUMN received_content TEXT;"
    /* Why the PDF helper could not draw a received evidence; NULL when it could. */
    "ALTER TABLE evidence_blob ADD COLUMN display_problem TEXT;"
    /* The unit's own history of a self-assessment, as its package carried it: never mixed
     * into the board's audit log. */
    "CREATE TABLE unit_history ("
    "  id INTEGER PRIMARY KEY,"
    "  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
    "  source_id INTEGER NOT NULL,"
    "  at TEXT NOT NULL,"
    "  actor TEXT NOT NULL,"
    "  entity TEXT NOT NULL,"
    "  field TEXT NOT NULL,"
    "  old_value TEXT,"
    "  new_value TEXT,"
    "  reason TEXT,"
    "  UNIQUE (assessment_id, source_id, at));"
  },
  { 7, "the unit register as a province keeps it: who proposes a unit's awards, its contact, retired units",
    "ALTER TABLE unit ADD COLUMN proposer_id INTEGER REFERENCES unit(id);"
    "ALTER TABLE unit ADD COLUMN contact TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE unit ADD COLUMN phone TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE unit ADD COLUMN email TEXT NOT NULL DEFAULT '';"
    /* A retired unit keeps its history and is offered for nothing new. */
    "ALTER TABLE unit ADD COLUMN active INTEGER NOT NULL DEFAULT 1;"
  },
  { 8, "what the campaign says of each target beyond its threshold",
    /* The target's own object from the campaign description: per-round thresholds, which
     * kinds of unit report it and whose figures the province adds up, an index's decimals. */
    "ALTER TABLE target ADD COLUMN spec TEXT NOT NULL DEFAULT '{}';"
  },
  { 9, "decisions issued by a unit's own authority, and the award register they number",
    /* NULL: the province (the Chairman of its People's Committee); otherwise the code of the
     * register unit whose head signs, within whose authority every awardee must be. */
    "ALTER TABLE decision ADD COLUMN issuer_code TEXT;"
    "ALTER TABLE decision ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'"
    "  CHECK (status IN ('draft', 'issued', 'withdrawn'));"
    "ALTER TABLE decision ADD COLUMN status_reason TEXT;"
    "ALTER TABLE decision ADD COLUMN issued_at TEXT;"
    "UPDATE decision SET status = 'issued', issued_at = created_at"
    "  WHERE number <> '' AND signed_on IS NOT NULL;"
    /* The register (sổ theo dõi khen thưởng) of each issuer and year: a number is given once,
     * when its decision is issued, and never again, also when the decision is withdrawn. */
    "CREATE TABLE award_entry ("
    "  id INTEGER PRIMARY KEY,"
    "  issuer TEXT NOT NULL,"            /* '' the province, else the issuing unit's code */
    "  year INTEGER NOT NULL,"
    "  number INTEGER NOT NULL CHECK (number > 0),"
    "  decision_id INTEGER NOT NULL REFERENCES decision(id),"
    "  nomination_id INTEGER NOT NULL REFERENCES nomination(id),"
    "  cancelled INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (issuer, year, number));"
    "CREATE INDEX award_entry_decision ON award_entry (decision_id);"
    /* Decisions issued by an earlier version: numbered in the order they were signed, each
     * decision's awardees in the attached list's order (collectives first). */
    "INSERT INTO award_entry (issuer, year, number, decision_id, nomination_id)"
    "  SELECT '', CAST(substr(d.signed_on, 1, 4) AS INTEGER),"
    "         ROW_NUMBER() OVER (PARTITION BY substr(d.signed_on, 1, 4)"
    "                            ORDER BY d.signed_on, d.id, n.subject = 'individual', n.id),"
    "         d.id, n.id"
    "  FROM decision d JOIN nomination n ON n.decision_id = d.id WHERE d.status = 'issued';"
    /* Every run of certificates onto pre-printed blanks: the board counts its stock. */
    "CREATE TABLE certificate_print ("
    "  id INTEGER PRIMARY KEY,"
    "  decision_id INTEGER NOT NULL REFERENCES decision(id),"
    "  at TEXT NOT NULL,"
    "  template TEXT NOT NULL,"
    "  sheets INTEGER NOT NULL CHECK (sheets > 0),"
    "  reprint INTEGER NOT NULL DEFAULT 0,"   /* spoiled sheets printed again, same numbers */
    "  actor TEXT NOT NULL DEFAULT '');"
  },
  { 10, "the appraisal steps of each nomination, the holds of Decree 152 Art. 4, the council and its meetings",
    /* Steps done, from the campaign's appraisal section: 1 once proposed. */
    "ALTER TABLE nomination ADD COLUMN steps_done INTEGER NOT NULL DEFAULT 1;"
    "UPDATE nomination SET steps_done = CASE status WHEN 'returned' THEN 0 WHEN 'proposed' THEN 1"
    "  WHEN 'appraised' THEN 2 WHEN 'approved' THEN 4 WHEN 'decided' THEN 5 ELSE 1 END;"
    /* Every move: who (the body and the person), when, what, the opinion and why. */
    "CREATE TABLE nomination_step ("
    "  id INTEGER PRIMARY KEY,"
    "  nomination_id INTEGER NOT NULL REFERENCES nomination(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL,"
    "  action TEXT NOT NULL CHECK (action IN ('propose', 'approve', 'return', 'undo', 'override', 'vote')),"
    "  body_code TEXT,"
    "  actor TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  verdict TEXT,"
    "  opinion TEXT NOT NULL DEFAULT '',"
    "  reason TEXT NOT NULL DEFAULT '',"
    "  check_id TEXT);"
    "CREATE INDEX nomination_step_nomination ON nomination_step (nomination_id, id);"
    /* What the board records against a nominee: under discipline, inspection or investigation. */
    "CREATE TABLE nomination_hold ("
    "  id INTEGER PRIMARY KEY,"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  unit_id INTEGER NOT NULL REFERENCES unit(id),"
    "  person_name TEXT,"                 /* NULL: the collective itself */
    "  kind TEXT NOT NULL CHECK (kind IN ('discipline', 'inspection', 'investigation')),"
    "  note TEXT NOT NULL DEFAULT '',"
    "  at TEXT NOT NULL,"
    "  lifted_at TEXT);"
    "CREATE TABLE council_member ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  position TEXT NOT NULL DEFAULT '',"
    "  active INTEGER NOT NULL DEFAULT 1);"
    "CREATE TABLE meeting ("
    "  id INTEGER PRIMARY KEY,"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  held_on TEXT NOT NULL,"
    "  members_total INTEGER NOT NULL CHECK (members_total > 0),"
    "  threshold TEXT NOT NULL CHECK (threshold IN ('more-than-half', 'two-thirds')),"
    "  closed_at TEXT);"
    "CREATE TABLE meeting_member ("
    "  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
    "  member_id INTEGER NOT NULL REFERENCES council_member(id),"
    "  PRIMARY KEY (meeting_id, member_id)) WITHOUT ROWID;"
    "CREATE TABLE meeting_item ("
    "  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
    "  nomination_id INTEGER NOT NULL REFERENCES nomination(id),"
    "  agree INTEGER,"
    "  disagree INTEGER,"
    "  abstain INTEGER,"
    "  passed INTEGER,"
    "  PRIMARY KEY (meeting_id, nomination_id)) WITHOUT ROWID;"
  },
  /* The roll-up reaches a round's values through assessment (round_id) and then the value's own
   * key (assessment_id, target_id); the index on target_id alone served no query and cost every
   * value written a second b-tree insert (bench-rollup's fill). */
  { 11, "one index fewer on the values: every value written updates the table only",
    "DROP INDEX assessment_value_target;"
  },
  /* A unit's own Giấy khen had no steps of its own and was moved by hand, counted on the
   * province's steps.  It now follows its issuer's: proposal, the issuing unit's council
   * (approved), the head's decision.  "Appraised" is not one of them: such a nomination is
   * back at its proposal, which the history says. */
  { 12, "a unit's own Giấy khen follows its issuer's steps; meetings record their place, hours, chair and "
        "secretary, and the written opinions of absent members",
    "INSERT INTO nomination_step (nomination_id, step, action, actor, at, verdict, reason)"
    "  SELECT id, 'issuer-council', 'undo', 'migration', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), NULL,"
    "         'Giấy khen now follow the issuing unit''s own steps'"
    "  FROM nomination WHERE level = 'giay-khen' AND status = 'appraised';"
    "UPDATE nomination SET"
    "  status = CASE status WHEN 'appraised' THEN 'proposed' ELSE status END,"
    "  steps_done = CASE status WHEN 'returned' THEN 0 WHEN 'approved' THEN 2 WHEN 'decided' THEN 3 ELSE 1 END"
    "  WHERE level = 'giay-khen';"
    "ALTER TABLE meeting ADD COLUMN place TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE meeting ADD COLUMN starts_at TEXT NOT NULL DEFAULT '';"   /* HH:MM */
    "ALTER TABLE meeting ADD COLUMN ends_at TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE meeting ADD COLUMN chair TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE meeting ADD COLUMN secretary TEXT NOT NULL DEFAULT '';"
    /* An absent member's written opinion on a nominee counts among the votes (QĐ 86/2025). */
    "ALTER TABLE meeting_item ADD COLUMN written_agree INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE meeting_item ADD COLUMN written_disagree INTEGER NOT NULL DEFAULT 0;"
  },
  /* What a decision said of each awardee on the day it was issued: a unit renamed later by a
   * register import does not rename it in the decision, its certificates or the register.
   * Entries issued before keep what the register says today, from now on (a team's commune
   * still read from the register). */
  { 13, "awardees as they were named on the day of issue",
    "ALTER TABLE award_entry ADD COLUMN awardee_name TEXT;"
    "ALTER TABLE award_entry ADD COLUMN awardee_unit TEXT;"
    "ALTER TABLE award_entry ADD COLUMN awardee_position TEXT;"
    "UPDATE award_entry SET"
    "  awardee_unit = (SELECT u.name FROM nomination n JOIN unit u ON u.id = n.unit_id"
    "                  WHERE n.id = award_entry.nomination_id),"
    /* A person's name; a collective's is made from its unit and commune when read. */
    "  awardee_name = (SELECT n.person_name FROM nomination n WHERE n.id = award_entry.nomination_id),"
    "  awardee_position = (SELECT n.person_position FROM nomination n WHERE n.id = award_entry.nomination_id);"
  },
  /* QĐ 86/2025: the Chairman's Bằng khen is considered by the council's standing committee
   * (Thường trực Hội đồng), not necessarily a plenary session: who sits on it, and which body a
   * meeting was.  Meetings held before were plenary. */
  { 14, "the council's standing committee, and which body each meeting was",
    "ALTER TABLE council_member ADD COLUMN standing INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE meeting ADD COLUMN sitting TEXT NOT NULL DEFAULT 'plenary'"
    "  CHECK (sitting IN ('plenary', 'standing-committee'));"
  },
  /* Who has sent what, on time (QĐ 86/2025, Điều 6: dossiers at least 10 days before the
   * event).  A round's deadlines: NULL means the default, 10 days before the round's day.  A
   * submission's times: the package's own (the unit's clock, when it was made) and the
   * board's (when it was imported), both kept, the first judged, the second shown beside it. */
  { 15, "deadlines of each round, when a submission was made and received, the board's exceptions",
    "ALTER TABLE round ADD COLUMN assessment_due TEXT;"
    "ALTER TABLE round ADD COLUMN proposal_due TEXT;"
    "ALTER TABLE round ADD COLUMN grace_days INTEGER NOT NULL DEFAULT 0 CHECK (grace_days BETWEEN 0 AND 366);"
    /* Whether a late self-assessment keeps its unit's nominations out of the round's awards
     * unless the board grants an exception. */
    "ALTER TABLE round ADD COLUMN late_blocks_awards INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE assessment ADD COLUMN submitted_at TEXT;"
    "ALTER TABLE assessment ADD COLUMN received_at TEXT;"
    "ALTER TABLE assessment ADD COLUMN setup_version INTEGER;"
    "CREATE TABLE deadline_exception ("
    "  unit_id INTEGER NOT NULL REFERENCES unit(id),"
    "  round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,"
    "  until TEXT NOT NULL,"
    "  reason TEXT NOT NULL,"
    "  granted_at TEXT NOT NULL,"
    "  granted_by TEXT NOT NULL,"
    "  PRIMARY KEY (unit_id, round_id));"
  },
};

const TdMigration *
td_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
