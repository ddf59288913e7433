/* td-areas.h: the window's four areas by their stack names, for "win.area" from any page. */
#pragma once

#define TD_AREA_SELF_ASSESSMENT "self-assessment"
#define TD_AREA_PROGRESS        "progress"
#define TD_AREA_AWARDS          "awards"
#define TD_AREA_EVIDENCE        "evidence"
