/* td-council.h: the province's Hội đồng Thi đua – Khen thưởng: its members, its meetings, and
 * the votes of the secret ballot that decide the council's step of each nomination. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

typedef struct {
  gint64    id;
  char     *name;
  char     *position;
  gboolean  active;
  gboolean  standing;   /* of the standing committee (Thường trực Hội đồng) */
} TdCouncilMember;

void        td_council_member_free (TdCouncilMember *member);

gint64      td_council_add_member  (TdDatabase  *db,
                                    const char  *name,
                                    const char  *position,
                                    GError     **error);
/* Whether the member sits on the council's standing committee, which considers the Bằng khen
 * when the campaign says so (council.sitting). */
gboolean    td_council_set_standing (TdDatabase *db,
                                    gint64       member_id,
                                    gboolean     standing,
                                    GError     **error);
gboolean    td_council_retire_member (TdDatabase *db,
                                    gint64       member_id,
                                    GError     **error);
/* TdCouncilMember, active ones first, by id. */
GPtrArray  *td_council_list_members (TdDatabase  *db,
                                    GError     **error);

/* Whether @agree votes of a council of @members pass under @threshold: "more-than-half"
 * (strictly more than half of the members) or "two-thirds" (at least two thirds). */
gboolean    td_council_passes      (guint        agree,
                                    guint        members,
                                    const char  *threshold);

typedef struct {
  gint64    nomination_id;
  char     *name;          /* the nominee */
  char     *unit_name;
  gboolean  voted;
  guint     agree, disagree, abstain;   /* the ballot of the members present */
  guint     written_agree, written_disagree;   /* written opinions of members absent */
  gboolean  decided;       /* the meeting is closed */
  gboolean  passed;
} TdMeetingItem;

typedef struct {
  gint64     id;
  gint64     round_id;
  char      *held_on;      /* ISO date */
  guint      members_total;
  char      *threshold;
  gboolean   closed;
  gboolean   standing_committee;   /* the standing committee sat, not the plenary council */
  char      *place;        /* "" until recorded */
  char      *starts_at;    /* "HH:MM", or "" */
  char      *ends_at;
  char      *chair;        /* the member who chaired, by name, or "" */
  char      *secretary;
  GPtrArray *present;      /* TdCouncilMember */
  GPtrArray *items;        /* TdMeetingItem, in nomination order */
} TdMeeting;

void        td_meeting_free        (TdMeeting *meeting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdMeeting, td_meeting_free)

/* A meeting on @held_on (ISO) with the members present and the nominations on its agenda,
 * each of them waiting for the council's step; the threshold is the campaign's and the count
 * of members the council's active ones that day.  Refused without the campaign's quorum (two
 * thirds of the members present), naming the counts. */
gint64      td_meeting_create      (TdDatabase   *db,
                                    gint64        round_id,
                                    const char   *held_on,
                                    const gint64 *member_ids,
                                    guint         n_members,
                                    const gint64 *nomination_ids,
                                    guint         n_nominations,
                                    GError      **error);
/* The counts of the secret ballot for one nomination: every member present votes once. */
gboolean    td_meeting_vote        (TdDatabase  *db,
                                    gint64       meeting_id,
                                    gint64       nomination_id,
                                    guint        agree,
                                    guint        disagree,
                                    guint        abstain,
                                    GError     **error);
/* The written opinions of members absent on one nomination (QĐ 86/2025: they count among the
 * votes, and towards the attendance a decision on awards needs). */
gboolean    td_meeting_record_written (TdDatabase  *db,
                                       gint64       meeting_id,
                                       gint64       nomination_id,
                                       guint        agree,
                                       guint        disagree,
                                       GError     **error);
/* Where and when the meeting sat and who chaired it and kept the minutes (members present,
 * by id): printed in the minutes.  @ends_at after @starts_at ("HH:MM"). */
gboolean    td_meeting_set_details (TdDatabase  *db,
                                    gint64       meeting_id,
                                    const char  *place,
                                    const char  *starts_at,
                                    const char  *ends_at,
                                    gint64       chair_id,
                                    gint64       secretary_id,
                                    GError     **error);
/* Closes the meeting once every item is voted and has the attendance the campaign asks of a
 * decision on awards (four fifths present or giving a written opinion): the ones that pass
 * (the ballot's and the written agreements) take the council's step
 * (approved), the others go back to their proposer with the count as the reason; one
 * transaction, each recorded in the nomination's history. */
gboolean    td_meeting_close       (TdDatabase  *db,
                                    gint64       meeting_id,
                                    GError     **error);
TdMeeting  *td_meeting_load        (TdDatabase  *db,
                                    gint64       meeting_id,
                                    GError     **error);
/* The meetings' ids, newest first. */
GArray     *td_meeting_list        (TdDatabase  *db,
                                    GError     **error);

G_END_DECLS
